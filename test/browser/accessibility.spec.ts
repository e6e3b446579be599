/** axe (WCAG 2.1 A/AA) on every screen a merchant meets, including its error and result states. */
import { expectNoViolations } from './support/axe';
import { expect, freshEmail, test } from './support/fixtures';
import { FRESH_PROOF_MINUTES } from '../../lambdas/domain/fresh-proof';
import { codeOf, openTwoStep, setUpApp } from './support/authenticator-app';
import { GOOD_PASSWORD, logIn, logInToHome, logOut, openCompletionUrl, openLink, registerEmail, setPassword } from './support/merchant';
import { addVirtualAuthenticator } from './support/virtual-authenticator';

test('login, first-login and error states have no axe violations', async ({ page }) => {
  await page.goto('index.html?registered=1');
  await expectNoViolations(page, 'login with notice');
  await page.getByRole('button', { name: 'ログイン', exact: true }).click();
  await expectNoViolations(page, 'login with field errors');

  await page.goto('first-login.html');
  await page.getByRole('button', { name: '登録' }).click();
  await expectNoViolations(page, 'first login with field errors');

  await page.goto('passcode.html#not-a-real-token');
  await expect(page.locator('#link-invalid')).toBeVisible();
  await expectNoViolations(page, 'invalid link');
});

test('the registration screens and home have no axe violations', async ({ page, account, email, mailbox }) => {
  await registerEmail(page, account, email);
  await expectNoViolations(page, 'registration accepted');

  const { completionUrl, passcode } = await mailbox.registrationMails(email);
  await openCompletionUrl(page, completionUrl);
  await expectNoViolations(page, 'passcode form');
  await setPassword(page, { passcode, newPassword: 'short' });
  await expectNoViolations(page, 'passcode form with policy errors');

  await setPassword(page, { passcode, newPassword: GOOD_PASSWORD });
  await expect(page).toHaveURL(/registered=1/);
  await logIn(page, email, GOOD_PASSWORD);
  await expect(page.locator('#account-email')).toHaveText(email);
  await expectNoViolations(page, 'home');
});

test('forgot password and the reset page have no axe violations', async ({ page, merchant, mailbox }) => {
  await page.goto('forgot-password.html');
  await expectNoViolations(page, 'forgot password');
  await page.getByRole('button', { name: '送信' }).click();
  await expectNoViolations(page, 'forgot password with a field error');
  await page.getByLabel('メールアドレス', { exact: true }).fill(merchant.email);
  await page.getByRole('button', { name: '送信' }).click();
  await expect(page.locator('#request-accepted')).toBeVisible();
  await expectNoViolations(page, 'forgot password accepted');

  const { completionUrl, passcode } = await mailbox.requestMails('passwordReset', merchant.email);
  await openLink(page, completionUrl, 'パスワード再設定');
  await expectNoViolations(page, 'reset form');
  await setPassword(page, { passcode, newPassword: 'short' });
  await expectNoViolations(page, 'reset form with policy errors');

  await openLink(page, 'reset-password.html#not-a-real-token', 'パスワード再設定');
  await expect(page.locator('#link-invalid')).toBeVisible();
  await expectNoViolations(page, 'reset invalid link');

  await page.goto('index.html?passwordReset=1');
  await expectNoViolations(page, 'login after reset');
});

test('home, change password and change email have no axe violations', async ({ page, merchant, mailbox }) => {
  await logInToHome(page, merchant.email, merchant.password);
  await page.goto('home.html?passwordChanged=1');
  await expect(page.locator('#account')).toBeVisible();
  await expectNoViolations(page, 'home with notice');

  await page.goto('change-password.html');
  await expectNoViolations(page, 'change password');
  await page.getByLabel('現在のパスワード', { exact: true }).fill(`${merchant.password}x`);
  await page.getByLabel('新パスワード', { exact: true }).fill('Ch4nged#Pass-77');
  await page.getByLabel('新パスワード(確認用)', { exact: true }).fill('Ch4nged#Pass-77');
  await page.getByRole('button', { name: '変更' }).click();
  await expect(page.locator('#current-password-error')).not.toBeEmpty();
  await expectNoViolations(page, 'change password with a wrong current password');

  await page.goto('change-email.html');
  await expect(page.locator('#current-email')).toHaveText(merchant.email);
  await expectNoViolations(page, 'change email');
  const newEmail = freshEmail('renamed');
  await page.getByLabel('新しいメールアドレス', { exact: true }).fill(newEmail);
  await page.getByLabel('現在のパスワード', { exact: true }).fill(`${merchant.password}x`);
  await page.getByRole('button', { name: '送信' }).click();
  await expect(page.locator('#current-password-error')).not.toBeEmpty();
  await expectNoViolations(page, 'change email with a wrong current password');
  await page.getByLabel('現在のパスワード', { exact: true }).fill(merchant.password);
  await page.getByRole('button', { name: '送信' }).click();
  await expect(page.locator('#change-accepted')).toBeVisible();
  await expectNoViolations(page, 'change email accepted');

  const { completionUrl } = await mailbox.requestMails('emailChange', newEmail);
  await openLink(page, completionUrl, 'メールアドレス変更');
  await expectNoViolations(page, 'confirm email');
  await page.getByRole('button', { name: '設定' }).click();
  await expectNoViolations(page, 'confirm email with a field error');
  await openLink(page, 'confirm-email.html#not-a-real-token', 'メールアドレス変更');
  await expect(page.locator('#link-invalid')).toBeVisible();
  await expectNoViolations(page, 'confirm email invalid link');
});

test('2段階認証の設定, パスキーの管理, 確認コードの入力 and 本人確認 have no axe violations', async ({ page, stack, merchant }) => {
  await addVirtualAuthenticator(page);
  await logInToHome(page, merchant.email, merchant.password);
  await openTwoStep(page);
  await expectNoViolations(page, 'two-step, nothing set up');
  await page.getByRole('button', { name: '認証アプリを設定する' }).click();
  await expect(page.getByRole('img', { name: '認証アプリ設定用のQRコード' })).toBeVisible();
  await expectNoViolations(page, 'two-step, QR code and key');
  await page.goto('two-step.html');
  const { key } = await setUpApp(page);
  await expectNoViolations(page, 'two-step, recovery codes shown');

  await page.getByRole('link', { name: 'パスキーの設定はこちら' }).click();
  await expectNoViolations(page, 'passkeys, none');
  await page.getByRole('button', { name: 'このデバイスにパスキーを登録' }).click();
  await expect(page.locator('li.passkey')).toHaveCount(1);
  await expectNoViolations(page, 'passkeys, one registered');
  await stack.ageSessions(FRESH_PROOF_MINUTES + 1);
  await page.getByRole('button', { name: 'このデバイスにパスキーを登録' }).click();
  await expect(page.getByRole('dialog', { name: '本人確認' })).toBeVisible();
  await expectNoViolations(page, 'proof dialog');

  await page.goto('home.html');
  await logOut(page);
  await logIn(page, merchant.email, merchant.password);
  await expect(page.getByRole('heading', { level: 1, name: '確認コードの入力' })).toBeVisible();
  await expectNoViolations(page, 'second step');
  await page.getByLabel('確認コード', { exact: true }).fill((Number(await codeOf(key)) ^ 1).toString().padStart(6, '0'));
  await page.getByRole('button', { name: '確認', exact: true }).click();
  await expect(page.getByRole('alert')).toContainText('確認コードが正しくありません。');
  await expectNoViolations(page, 'second step with a wrong code');
  await page.getByRole('button', { name: 'リカバリーコードを入力する' }).click();
  await expectNoViolations(page, 'second step, recovery code');
});

test('ログイン中の端末 has no axe violations, with another browser listed and after ending it', async ({ page, otherPage, merchant }) => {
  await logInToHome(otherPage, merchant.email, merchant.password);
  await logInToHome(page, merchant.email, merchant.password);
  await page.goto('sessions.html');
  await expect(page.locator('#session-list > li')).toHaveCount(2);
  await expectNoViolations(page, 'sessions');

  page.once('dialog', (dialog) => void dialog.accept());
  await page.getByRole('button', { name: 'ログアウトさせる' }).click();
  await expect(page.getByRole('status')).not.toBeEmpty();
  await expectNoViolations(page, 'sessions after ending one');
});

test('the unsupported-browser notice has no axe violations', async ({ browser, stack }) => {
  // axe needs JavaScript in the page, so this is Internet Explorer's view (the page script stops at once).
  const userAgent = 'Mozilla/5.0 (Windows NT 10.0; Trident/7.0; rv:11.0) like Gecko';
  const context = await browser.newContext({ baseURL: stack.siteUrl, locale: 'ja-JP', userAgent });
  const page = await context.newPage();
  for (const path of ['index.html', 'change-password.html', 'reset-password.html#token']) {
    await page.goto(path);
    await expect(page.locator('#browser-notice')).toBeVisible();
    await expectNoViolations(page, `${path} browser notice`);
  }
  await context.close();
});
