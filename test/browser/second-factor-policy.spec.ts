/**
 * A stage where two-step sign-in is required (MFA_POLICY=required, this spec's own stack): a
 * merchant without a second factor signs in only to set one up on 2段階認証の設定. Home and the
 * other pages stay shut until the authenticator app or a passkey is set up; the recovery codes
 * come with it, and from then on the password asks for the second step.
 */
import { codeOf, setUpApp } from './support/authenticator-app';
import { expect, test } from './support/fixtures';
import { GOOD_PASSWORD, logIn, logOut, openCompletionUrl, REGISTERED_NOTICE, registerEmail, setPassword } from './support/merchant';
import { addVirtualAuthenticator } from './support/virtual-authenticator';

const SETUP_REQUIRED_NOTICE = 'ご利用を続けるには、2段階認証の設定が必要です。';

test.use({ stackEnv: { MFA_POLICY: 'required' } });

test.describe('2段階認証が必須のとき', () => {
  test('the guide ends on 2段階認証の設定; home waits for the app; then the password asks for the code', async ({
    page,
    account,
    email,
    mailbox,
  }) => {
    await test.step('the guide: letter, email, passcode and password, then the first login', async () => {
      await registerEmail(page, account, email);
      const { completionUrl, passcode } = await mailbox.registrationMails(email);
      await openCompletionUrl(page, completionUrl);
      await setPassword(page, { passcode, newPassword: GOOD_PASSWORD });
      await expect(page.getByRole('status')).toHaveText(REGISTERED_NOTICE);
      await logIn(page, email, GOOD_PASSWORD);

      await expect(page).toHaveURL(/two-step\.html$/);
      await expect(page.getByRole('heading', { level: 1, name: '2段階認証の設定' })).toBeVisible();
      await expect(page.locator('#setup-required')).toContainText(SETUP_REQUIRED_NOTICE);
      await expect(page.locator('#authenticator-status')).toHaveText('設定されていません。');
    });

    await test.step('home and the other pages wait for the set-up', async () => {
      await page.getByRole('link', { name: 'ホームに戻る' }).click();
      await expect(page).toHaveURL(/two-step\.html$/);
      await expect(page.locator('#setup-required')).toBeVisible();

      await page.goto('change-password.html');
      await page.getByLabel('現在のパスワード', { exact: true }).fill(GOOD_PASSWORD);
      await page.getByLabel('新パスワード', { exact: true }).fill('Ch4nged#Pass-77');
      await page.getByLabel('新パスワード(確認用)', { exact: true }).fill('Ch4nged#Pass-77');
      await page.getByRole('button', { name: '変更' }).click();
      await expect(page.getByRole('alert')).toContainText(SETUP_REQUIRED_NOTICE);
    });

    const { key } = await test.step('the authenticator app, then the recovery codes, then home', async () => {
      await page.goto('two-step.html');
      const app = await setUpApp(page);
      await expect(page.locator('#setup-required')).toBeHidden();
      await page.getByRole('link', { name: 'ホームに戻る' }).click();
      await expect(page).toHaveURL(/home\.html$/);
      await expect(page.locator('#account-email')).toHaveText(email);
      await expect(page.locator('#account-login-id')).toHaveText(account.loginId);
      return app;
    });

    await test.step('the password alone no longer signs in: 確認コードの入力 comes next', async () => {
      await logOut(page);
      await logIn(page, email, GOOD_PASSWORD);
      await expect(page).toHaveURL(/second-step\.html\?methods=authenticator,recovery-code$/);
      await expect(page.getByRole('heading', { level: 1, name: '確認コードの入力' })).toBeVisible();
      await page.goto('home.html');
      await expect(page).toHaveURL(/index\.html\?sessionExpired=1$/);

      await logIn(page, email, GOOD_PASSWORD);
      await page.getByLabel('確認コード', { exact: true }).fill(await codeOf(key));
      await page.getByRole('button', { name: '確認', exact: true }).click();
      await expect(page).toHaveURL(/home\.html$/);
      await expect(page.locator('#account-email')).toHaveText(email);
    });
  });

  test('a passkey instead of the app: the recovery codes, then home; the passkey then signs in', async ({ page, merchant }) => {
    await addVirtualAuthenticator(page);
    await page.goto('./');
    await logIn(page, merchant.email, merchant.password);
    await expect(page).toHaveURL(/two-step\.html$/);
    // Either factor lifts the set-up-only session, and the notice says so.
    await expect(page.locator('#setup-required')).toHaveText(`${SETUP_REQUIRED_NOTICE}認証アプリまたはパスキーを設定してください。`);

    await page.getByRole('link', { name: 'パスキーの設定はこちら' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'パスキーの管理' })).toBeVisible();
    await expect(page.getByText('登録済みのパスキーはありません。')).toBeVisible();
    await page.getByRole('button', { name: 'このデバイスにパスキーを登録' }).click();

    await expect(page).toHaveURL(/two-step\.html$/);
    await expect(page.locator('#recovery-codes li')).toHaveCount(10);
    await expect(page.locator('#recovery-status')).toContainText('残り10個');
    await expect(page.locator('#setup-required')).toBeHidden();
    await expect(page.locator('#authenticator-status')).toHaveText('設定されていません。');

    await page.getByRole('link', { name: 'ホームに戻る' }).click();
    await expect(page).toHaveURL(/home\.html$/);
    await expect(page.locator('#account-email')).toHaveText(merchant.email);

    await logOut(page);
    await logIn(page, merchant.email, merchant.password);
    await expect(page).toHaveURL(/second-step\.html\?methods=recovery-code,passkey$/);
    await page.getByRole('button', { name: 'パスキーで確認する' }).click();
    await expect(page).toHaveURL(/home\.html$/);
    await expect(page.locator('#account-email')).toHaveText(merchant.email);
  });
});
