/** axe (WCAG 2.1 A/AA) on every screen a merchant meets, including its error and result states. */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, freshEmail, test } from './support/fixtures';
import { GOOD_PASSWORD, logIn, logInToHome, openCompletionUrl, openLink, registerEmail, setPassword } from './support/merchant';

async function expectNoViolations(page: Page, screen: string): Promise<void> {
  const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const found = violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
  expect(found, `axe on ${screen}`).toEqual([]);
}

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
