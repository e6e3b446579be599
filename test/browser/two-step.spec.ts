/**
 * 2段階認証: the authenticator app set up from the home page, then the sign-in with the password
 * and the 確認コード the app would show (computed here from the key the page shows), and with a
 * recovery code, whose count the home page tells, or with a passkey in place of the code; and
 * the merchant who lost the phone and the codes, brought back by the ops reset.
 */
import { resetSecondFactors } from '../../lambdas/domain/use-cases/ops/reset-second-factors';
import { opsDeps } from '../../ops/context';
import { codeOf, openTwoStep, setUpApp } from './support/authenticator-app';
import { expect, test } from './support/fixtures';
import { logIn, logInToHome, logOut } from './support/merchant';
import { addVirtualAuthenticator } from './support/virtual-authenticator';

test.describe('2段階認証', () => {
  test('set up from home; then the password leads to 確認コードの入力 and the code to home', async ({ page, merchant }) => {
    await logInToHome(page, merchant.email, merchant.password);
    await openTwoStep(page);
    const { key } = await setUpApp(page);
    await logOut(page);

    await logIn(page, merchant.email, merchant.password);
    await expect(page).toHaveURL(/second-step\.html\?methods=authenticator,recovery-code$/);
    await expect(page.getByRole('heading', { level: 1, name: '確認コードの入力' })).toBeVisible();
    await page.getByLabel('確認コード', { exact: true }).fill('000000');
    await page.getByRole('button', { name: '確認', exact: true }).click();
    await expect(page.getByRole('alert')).toContainText('確認コードが正しくありません。');

    await page.getByLabel('確認コード', { exact: true }).fill(await codeOf(key));
    await page.getByRole('button', { name: '確認', exact: true }).click();
    await expect(page).toHaveURL(/home\.html$/);
    await expect(page.locator('#account-email')).toHaveText(merchant.email);
  });

  test('a recovery code signs in once, and home tells how many are left', async ({ page, merchant }) => {
    await logInToHome(page, merchant.email, merchant.password);
    await openTwoStep(page);
    const { codes } = await setUpApp(page);
    await logOut(page);

    await logIn(page, merchant.email, merchant.password);
    await page.getByRole('button', { name: 'リカバリーコードを入力する' }).click();
    await page.getByLabel('リカバリーコード').fill(codes[0]);
    await page.locator('#recovery-form').getByRole('button', { name: '確認', exact: true }).click();

    await expect(page).toHaveURL(/home\.html\?recoveryCodesLeft=9$/);
    await expect(page.getByRole('status')).toContainText('残りのリカバリーコードは9個です。');
  });

  test('with the app and a passkey, the second step can be the passkey', async ({ page, merchant }) => {
    await addVirtualAuthenticator(page);
    await logInToHome(page, merchant.email, merchant.password);
    await openTwoStep(page);
    await setUpApp(page);
    await page.getByRole('link', { name: 'パスキーの設定はこちら' }).click();
    await page.getByRole('button', { name: 'このデバイスにパスキーを登録' }).click();
    await expect(page.getByRole('status')).toContainText('」を登録しました。');
    await expect(page.locator('li.passkey')).toHaveCount(1);
    await logOut(page);

    await logIn(page, merchant.email, merchant.password);
    await expect(page).toHaveURL(/second-step\.html\?methods=authenticator,recovery-code,passkey$/);
    await expect(page.getByText('登録済みのパスキーで確認することもできます。')).toBeVisible();
    await page.getByRole('button', { name: 'パスキーで確認する' }).click();
    await expect(page).toHaveURL(/home\.html$/);
    await expect(page.locator('#account-email')).toHaveText(merchant.email);

    await page.getByRole('link', { name: 'パスキーの管理' }).click();
    await expect(page.locator('li.passkey')).not.toContainText('まだ利用されていません');
  });

  test('lost phone and codes: after the ops reset the password signs in alone, and a new app can be set up', async ({
    page,
    otherPage,
    merchant,
    stack,
  }) => {
    await logInToHome(page, merchant.email, merchant.password);
    await openTwoStep(page);
    const lost = await setUpApp(page);
    await logOut(page);
    // A session signed in on the lost phone, still open.
    await otherPage.goto('/');
    await logIn(otherPage, merchant.email, merchant.password);
    await otherPage.getByLabel('確認コード', { exact: true }).fill(await codeOf(lost.key));
    await otherPage.getByRole('button', { name: '確認', exact: true }).click();
    await expect(otherPage).toHaveURL(/home\.html$/);

    await test.step('ops: reset-mfa after the identity check', async () => {
      const deps = await opsDeps({ name: 'local', ...stack.target });
      const reset = await resetSecondFactors(
        merchant.loginId,
        { reason: 'lost phone; call-back, ticket 4711', operator: 'ops.test' },
        deps,
      );
      expect(reset.removed).toEqual({ passkeys: 0, authenticator: true, recoveryCodes: true });
    });
    await otherPage.reload();
    await expect(otherPage).toHaveURL(/index\.html\?sessionExpired=1$/);

    await logInToHome(page, merchant.email, merchant.password);
    // 2段階認証の設定 offers the set-up again, as to a merchant who never had an app.
    await openTwoStep(page);
    const { key } = await setUpApp(page);
    await logOut(page);
    await logIn(page, merchant.email, merchant.password);
    await page.getByLabel('確認コード', { exact: true }).fill(await codeOf(key));
    await page.getByRole('button', { name: '確認', exact: true }).click();
    await expect(page).toHaveURL(/home\.html$/);
  });
});
