/**
 * 2段階認証: the authenticator app set up from the home page, then the sign-in with the password
 * and the 確認コード the app would show (computed here from the key the page shows), and with a
 * recovery code, whose count the home page tells; and the merchant who lost the phone and the
 * codes, brought back by the ops reset.
 */
import type { Page } from '@playwright/test';
import { generate } from 'otplib';
import { opsDeps } from '../../ops/context';
import { resetSecondFactors } from '../../lambdas/domain/use-cases/ops/reset-second-factors';
import { expect, test } from './support/fixtures';
import { logIn, logInToHome } from './support/merchant';

const codeOf = (key: string, steps = 0) => generate({ secret: key.replace(/\s/g, ''), epoch: Math.floor(Date.now() / 1000) + steps * 30 });

/** From home to a confirmed app: the key as the page showed it and the recovery codes it listed. */
async function setUpApp(page: Page): Promise<{ key: string; codes: string[] }> {
  await page.getByRole('link', { name: '2段階認証の設定' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '2段階認証の設定' })).toBeVisible();
  await page.getByRole('button', { name: '認証アプリを設定する' }).click();
  await expect(page.getByRole('img', { name: '認証アプリ設定用のQRコード' })).toBeVisible();
  const key = (await page.locator('#authenticator-key').textContent()) ?? '';
  expect(key).toMatch(/^[A-Z2-7]{4}( [A-Z2-7]{1,4})+$/);
  // The app's previous code, so the sign-in below has the current one.
  await page.getByLabel('認証アプリに表示された確認コード(6桁)').fill(await codeOf(key, -1));
  await page.getByRole('button', { name: '設定を完了する' }).click();
  await expect(page.getByRole('status')).toContainText('認証アプリを設定しました。');
  await expect(page.locator('#recovery-codes li')).toHaveCount(10);
  await expect(page.locator('#recovery-status')).toContainText('残り10個');
  return { key, codes: await page.locator('#recovery-codes li').allTextContents() };
}

async function logOut(page: Page) {
  await page.getByRole('button', { name: 'ログアウト' }).click();
  await expect(page).toHaveURL(/loggedOut=1/);
}

test.describe('2段階認証', () => {
  test('set up from home; then the password leads to 確認コードの入力 and the code to home', async ({ page, merchant }) => {
    await logInToHome(page, merchant.email, merchant.password);
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
    const { codes } = await setUpApp(page);
    await logOut(page);

    await logIn(page, merchant.email, merchant.password);
    await page.getByRole('button', { name: 'リカバリーコードを入力する' }).click();
    await page.getByLabel('リカバリーコード').fill(codes[0]);
    await page.locator('#recovery-form').getByRole('button', { name: '確認', exact: true }).click();

    await expect(page).toHaveURL(/home\.html\?recoveryCodesLeft=9$/);
    await expect(page.getByRole('status')).toContainText('残りのリカバリーコードは9個です。');
  });

  test('lost phone and codes: after the ops reset the password signs in alone, and a new app can be set up', async ({
    page,
    otherPage,
    merchant,
    stack,
  }) => {
    await logInToHome(page, merchant.email, merchant.password);
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
    const { key } = await setUpApp(page);
    await logOut(page);
    await logIn(page, merchant.email, merchant.password);
    await page.getByLabel('確認コード', { exact: true }).fill(await codeOf(key));
    await page.getByRole('button', { name: '確認', exact: true }).click();
    await expect(page).toHaveURL(/home\.html$/);
  });
});
