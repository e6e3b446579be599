/**
 * The guide from letter to home, in one go: register the email, read both mails, set the
 * password, log in with the email, see the account, log out; the letter's credentials are then
 * spent.
 */
import { LETTER_ID_HINT_MESSAGE } from '../../lambdas/domain/letter-id-hint';
import { expect, test } from './support/fixtures';
import {
  GOOD_PASSWORD,
  logIn,
  openCompletionUrl,
  REGISTERED_NOTICE,
  registerEmail,
  setPassword,
  submitFirstLogin,
} from './support/merchant';

test('a merchant registers, logs in with the email, and logs out', async ({ page, account, email, mailbox }) => {
  await test.step('初回メールアドレス登録', async () => {
    await page.goto('./');
    await page.getByRole('link', { name: '初回ログインはこちら' }).click();
    await registerEmail(page, account, email);
  });

  const { completionUrl, passcode } = await mailbox.registrationMails(email);

  await test.step('パスコード入力 and 新パスワード', async () => {
    await openCompletionUrl(page, completionUrl);
    await setPassword(page, { passcode, newPassword: GOOD_PASSWORD });
    await expect(page).toHaveURL(/index\.html\?registered=1$/);
    await expect(page.getByRole('status')).toHaveText(REGISTERED_NOTICE);
  });

  await test.step('log in with the registered email', async () => {
    await logIn(page, email, GOOD_PASSWORD);
    await expect(page).toHaveURL(/home\.html$/);
    await expect(page.locator('#account-email')).toHaveText(email);
    await expect(page.locator('#account-login-id')).toHaveText(account.loginId);
    await expect(page.locator('#account-last-login')).not.toBeEmpty();
  });

  await test.step('ログアウト', async () => {
    await page.getByRole('button', { name: 'ログアウト' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'お客様サポートWEB' })).toBeVisible();
    await expect(page.getByRole('status')).toHaveText('ログアウトしました。');
  });

  await test.step('home without a session sends the merchant to login', async () => {
    await page.goto('home.html');
    await expect(page).toHaveURL(/index\.html\?sessionExpired=1$/);
    await expect(page.getByRole('status')).toContainText('再度ログインしてください。');
  });

  await test.step('the completion link is spent', async () => {
    await openCompletionUrl(page, completionUrl);
    await expect(page.locator('#link-invalid')).toContainText('このURLはすでに使用されています。');
  });

  await test.step('the letter’s credentials no longer work', async () => {
    await page.goto('./');
    // The login form takes only the email now: the letter's ID gets the way to 初回ログイン.
    await logIn(page, account.loginId, account.initialPassword);
    await expect(page.locator('#login-id-error')).toHaveText(LETTER_ID_HINT_MESSAGE);
    await expect(page).not.toHaveURL(/home\.html/);

    await submitFirstLogin(page, account, email);
    await expect(page.getByRole('alert')).not.toBeEmpty();
    await expect(page.getByText('以降の手続き方法はご登録メールアドレスへご案内いたします。')).toBeHidden();
  });
});
