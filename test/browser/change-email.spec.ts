/**
 * メールアドレス変更 (signed in): the new address is proven by the same two-email pattern
 * (URL and passcode, sent to the NEW address); until then the old address logs in, afterwards
 * only the new one does, and the old address is told.
 */
import { expect, freshEmail, test } from './support/fixtures';
import { registerMerchant } from './support/registered-merchant';
import { EMAIL_CHANGE_PASSCODE_MAIL_SUBJECT, EMAIL_CHANGE_URL_MAIL_SUBJECT, EMAIL_CHANGED_MAIL_SUBJECT } from './support/mailbox';
import {
  EMAIL_CHANGED_SIGNED_IN,
  expectLoginRefused,
  expectSignedOut,
  logInToHome,
  logOut,
  openLink,
  wrongPasscodeFor,
} from './support/merchant';
import type { Page } from '@playwright/test';

const ACCEPTED_LINES = [
  '新しいメールアドレス宛に確認のメールをお送りしました。メールに記載のURLにアクセスし、パスコードを入力してお手続きを完了してください。',
  'お手続きが完了するまでは、現在のメールアドレスでログインできます。',
];

async function requestChange(page: Page, newEmail: string, currentPassword: string): Promise<void> {
  await page.goto('change-email.html');
  await page.getByLabel('新しいメールアドレス', { exact: true }).fill(newEmail);
  await page.getByLabel('現在のパスワード', { exact: true }).fill(currentPassword);
  await page.getByRole('button', { name: '送信' }).click();
}

async function confirm(page: Page, passcode: string): Promise<void> {
  await page.getByLabel('パスコード', { exact: true }).fill(passcode);
  await page.getByRole('button', { name: '設定' }).click();
}

test.describe('メールアドレス変更', () => {
  test('without a session the page sends the merchant to login', async ({ page }) => {
    await expectSignedOut(page, 'change-email.html');
  });

  test('home leads to a form that shows the current address', async ({ page, merchant }) => {
    await logInToHome(page, merchant.email, merchant.password);
    await page.getByRole('link', { name: 'メールアドレス変更' }).click();
    await expect(page).toHaveURL(/change-email\.html$/);
    await expect(page.getByRole('heading', { level: 1, name: 'メールアドレス変更' })).toBeVisible();
    await expect(page.locator('#current-email')).toHaveText(merchant.email);
    await expect(page.getByLabel('新しいメールアドレス', { exact: true })).toBeVisible();
    await expect(page.getByLabel('現在のパスワード', { exact: true })).toHaveAttribute('type', 'password');
    await page.getByLabel('パスワードを表示する').check();
    await expect(page.getByLabel('現在のパスワード', { exact: true })).toHaveAttribute('type', 'text');
    await expect(page.getByRole('button', { name: '送信' })).toBeVisible();
  });

  test('the browser checks the address first, including that it is a new one', async ({ page, merchant }) => {
    await logInToHome(page, merchant.email, merchant.password);
    await page.goto('change-email.html');
    await page.getByRole('button', { name: '送信' }).click();
    await expect(page.getByText('新しいメールアドレスを入力してください。')).toBeVisible();
    await expect(page.getByText('現在のパスワードを入力してください。')).toBeVisible();
    await expect(page.locator('#current-email')).toHaveText(merchant.email);
    await requestChange(page, merchant.email.toUpperCase(), merchant.password);
    await expect(page.getByText('現在のメールアドレスと同じです。')).toBeVisible();
    await expect(page.getByLabel('新しいメールアドレス', { exact: true })).toHaveAttribute('aria-invalid', 'true');
  });

  test('the new address is proven, then it is the login ID; the old one is told', async ({ page, otherPage, merchant, mailbox, stack }) => {
    const newEmail = freshEmail('renamed');
    await logInToHome(page, merchant.email, merchant.password);

    await test.step('the request', async () => {
      await page.getByRole('link', { name: 'メールアドレス変更' }).click();
      await expect(page.locator('#current-email')).toHaveText(merchant.email);
      await page.getByLabel('新しいメールアドレス', { exact: true }).fill(newEmail);
      await page.getByLabel('現在のパスワード', { exact: true }).fill(merchant.password);
      await page.getByRole('button', { name: '送信' }).click();
      for (const line of ACCEPTED_LINES) await expect(page.getByText(line)).toBeVisible();
      await expect(page.getByRole('button', { name: '送信' })).toBeHidden();
    });

    const mails = await mailbox.requestMails('emailChange', newEmail);
    await test.step('the two emails go to the new address only', async () => {
      expect(mails.urlMail.subject).toBe(EMAIL_CHANGE_URL_MAIL_SUBJECT);
      expect(mails.passcodeMail.subject).toBe(EMAIL_CHANGE_PASSCODE_MAIL_SUBJECT);
      expect(mails.completionUrl.startsWith(`${stack.siteUrl.replace(/\/$/, '')}/confirm-email.html#`)).toBe(true);
      expect(mails.urlMail.body.text ?? '').not.toContain(mails.passcode);
      const toOld = await mailbox.subjectsTo(merchant.email);
      expect(toOld).not.toContain(EMAIL_CHANGE_URL_MAIL_SUBJECT);
      expect(toOld).not.toContain(EMAIL_CHANGE_PASSCODE_MAIL_SUBJECT);
    });

    await test.step('until it is confirmed, the old address still logs in and the new one does not', async () => {
      await logInToHome(otherPage, merchant.email, merchant.password);
      await logOut(otherPage); // signed in, the login page would lead straight home
      await expectLoginRefused(otherPage, newEmail, merchant.password);
    });

    await test.step('the confirmation page takes the passcode', async () => {
      await openLink(page, mails.completionUrl, 'メールアドレス変更');
      await expect(page.locator('#link-email')).toHaveText(/\*/);
      await expect(page.locator('#link-email')).not.toHaveText(newEmail);
      await confirm(page, mails.passcode);
      await expect(page).toHaveURL(/home\.html\?emailChanged=1$/);
      await expect(page.getByRole('status')).toHaveText(EMAIL_CHANGED_SIGNED_IN);
      await expect(page.locator('#account-email')).toHaveText(newEmail);
    });

    await test.step('the new address logs in; the old one does not', async () => {
      // This browser is still signed in from before the change (the login page would lead home).
      await page.goto('home.html');
      await logOut(page);
      await logInToHome(page, newEmail, merchant.password);
      await expect(page.locator('#account-login-id')).toHaveText(merchant.loginId);
      await expectLoginRefused(otherPage, merchant.email, merchant.password);
    });

    await test.step('the old address gets the notice', async () => {
      const notice = await mailbox.mailWithSubject(merchant.email, EMAIL_CHANGED_MAIL_SUBJECT);
      expect(notice.destination.to.join(' ')).toContain(merchant.email);
    });

    await test.step('the link is spent', async () => {
      await openLink(page, mails.completionUrl, 'メールアドレス変更');
      await expect(page.locator('#link-invalid')).toContainText('このURLはすでに使用されています。');
    });
  });

  test('a wrong current password is refused with its message and nothing is sent; the right one goes on', async ({
    page,
    merchant,
    mailbox,
  }) => {
    const newEmail = freshEmail('stolen-session');
    await logInToHome(page, merchant.email, merchant.password);

    await test.step('a wrong password', async () => {
      await requestChange(page, newEmail, `${merchant.password}x`);
      await expect(page.locator('#current-password-error')).toHaveText('現在のパスワードが正しくありません。');
      await expect(page.getByLabel('現在のパスワード', { exact: true })).toHaveAttribute('aria-invalid', 'true');
      await expect(page.getByLabel('現在のパスワード', { exact: true })).toBeFocused();
      await expect(page.locator('#change-accepted')).toBeHidden();
      expect(await mailbox.subjectsTo(newEmail)).toEqual([]);
    });

    await test.step('the right one', async () => {
      await page.getByLabel('現在のパスワード', { exact: true }).fill(merchant.password);
      await page.getByRole('button', { name: '送信' }).click();
      for (const line of ACCEPTED_LINES) await expect(page.getByText(line)).toBeVisible();
      await mailbox.requestMails('emailChange', newEmail);
    });
  });

  test('an address another account uses gets the same answer on screen, and no email', async ({ page, merchant, mailbox, stack }) => {
    const taken = freshEmail('taken');
    await registerMerchant(stack, mailbox, taken);
    const before = await mailbox.subjectsTo(taken);

    await logInToHome(page, merchant.email, merchant.password);
    await requestChange(page, taken, merchant.password);
    for (const line of ACCEPTED_LINES) await expect(page.getByText(line)).toBeVisible();

    // A free address asked right after gets its emails; the taken one got nothing new.
    const free = freshEmail('free');
    await requestChange(page, free, merchant.password);
    await mailbox.requestMails('emailChange', free);
    expect(await mailbox.subjectsTo(taken)).toEqual(before);
  });

  test('an address another account took meanwhile cannot be confirmed', async ({ page, otherPage, merchant, mailbox, stack }) => {
    const newEmail = freshEmail('contested');
    await logInToHome(page, merchant.email, merchant.password);
    await requestChange(page, newEmail, merchant.password);
    const { completionUrl, passcode } = await mailbox.requestMails('emailChange', newEmail);
    await registerMerchant(stack, mailbox, newEmail);

    await openLink(page, completionUrl, 'メールアドレス変更');
    await confirm(page, passcode);
    await expect(page.getByRole('alert')).toContainText('メールアドレス変更ページから別のメールアドレスでお手続きください。');
    await expect(page).toHaveURL(/confirm-email\.html#/);
    // The old address still logs in (in another browser: this one is still signed in).
    await logInToHome(otherPage, merchant.email, merchant.password);
  });

  test('a wrong passcode is told with the tries left', async ({ page, merchant, mailbox }) => {
    const newEmail = freshEmail('renamed');
    await logInToHome(page, merchant.email, merchant.password);
    await requestChange(page, newEmail, merchant.password);
    const { completionUrl, passcode } = await mailbox.requestMails('emailChange', newEmail);

    await openLink(page, completionUrl, 'メールアドレス変更');
    await confirm(page, wrongPasscodeFor(passcode));
    await expect(page.getByRole('alert')).toContainText('あと4回');
    await expect(page.getByLabel('パスコード', { exact: true })).toHaveAttribute('aria-invalid', 'true');
    await confirm(page, '12a');
    await expect(page.getByText('パスコードは6桁の数字で入力してください。').first()).toBeVisible();
  });

  test('a made-up link says so and points to メールアドレス変更', async ({ page }) => {
    await openLink(page, 'confirm-email.html#bm90LWEtcmVhbC10b2tlbi1ub3QtYS1yZWFsLXRva2Vu', 'メールアドレス変更');
    await expect(page.locator('#link-invalid')).toContainText('このURLは無効です。');
    await expect(page.getByRole('link', { name: 'メールアドレス変更ページへ' })).toHaveAttribute('href', 'change-email.html');
    await expect(page.getByLabel('パスコード', { exact: true })).toBeHidden();
  });

  test('an expired link says so', async ({ page, merchant, mailbox, stack }) => {
    const newEmail = freshEmail('renamed');
    await logInToHome(page, merchant.email, merchant.password);
    await requestChange(page, newEmail, merchant.password);
    const { completionUrl } = await mailbox.requestMails('emailChange', newEmail);
    await stack.expireRequests();
    await openLink(page, completionUrl, 'メールアドレス変更');
    await expect(page.locator('#link-invalid')).toContainText('このURLは有効期限が切れています。');
  });
});
