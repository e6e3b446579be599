/**
 * パスワードを忘れた方はこちら: the registered email gets the two emails (URL and passcode), the
 * merchant sets a new password, and every session of the account ends. The screen never tells
 * whether an address is registered.
 */
import { RULE_MESSAGES } from '../../lambdas/domain/password-policy';
import { TOO_MANY_REQUESTS_BODY } from '../../lib/constructs/edge/rate-limited-paths';
import { expect, freshEmail, test } from './support/fixtures';
import { FIX_FIELDS_SUMMARY } from './support/merchant';
import { decodeMimeWords, RESET_PASSCODE_MAIL_SUBJECT, RESET_URL_MAIL_SUBJECT } from './support/mailbox';
import { expectLoginRefused, expectSignedOut, logInToHome, openLink, ruleItem, setPassword, wrongPasscodeFor } from './support/merchant';
import { postApiRaw } from './support/registered-merchant';
import type { Page } from '@playwright/test';

const ACCEPTED_TEXT =
  'ご入力のメールアドレスがご登録済みの場合、パスワード再設定のご案内をお送りしました。メールに記載のURLからお手続きください。';
const RESET_NOTICE = 'パスワードの再設定が完了しました。新しいパスワードでログインしてください。';
const NEW_PASSWORD = 'Nw4$reset-Pass9';

async function requestReset(page: Page, email: string): Promise<void> {
  await page.goto('forgot-password.html');
  await page.getByLabel('メールアドレス', { exact: true }).fill(email);
  await page.getByRole('button', { name: '送信' }).click();
}

test.describe('パスワード再設定', () => {
  test('the login page leads to a form with one labelled field and 送信', async ({ page }) => {
    await page.goto('./');
    await page.getByRole('link', { name: 'パスワードを忘れた方はこちら' }).click();
    await expect(page).toHaveURL(/forgot-password\.html$/);
    await expect(page.getByRole('heading', { level: 1, name: 'パスワード再設定' })).toBeVisible();
    await expect(page.getByText('ご登録のメールアドレスを入力し、送信ボタンをクリックしてください。')).toBeVisible();
    await expect(page.getByLabel('メールアドレス', { exact: true })).toBeVisible();
    await expect(page.getByRole('button', { name: '送信' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'ログインページへ戻る' })).toBeVisible();
  });

  test('checks the address in the browser first', async ({ page }) => {
    await page.goto('forgot-password.html');
    await page.getByRole('button', { name: '送信' }).click();
    await expect(page.getByText('メールアドレスを入力してください。')).toBeVisible();
    await page.getByLabel('メールアドレス', { exact: true }).fill('not-an-address');
    await page.getByRole('button', { name: '送信' }).click();
    await expect(page.getByText('メールアドレスの形式が正しくありません。')).toBeVisible();
    await expect(page.getByLabel('メールアドレス', { exact: true })).toBeFocused();
  });

  test('from the request to a new password; every other session ends', async ({ page, otherPage, merchant, mailbox, stack }) => {
    await test.step('another browser is logged in', async () => {
      await logInToHome(otherPage, merchant.email, merchant.password);
    });

    await test.step('the request shows the neutral answer', async () => {
      await requestReset(page, merchant.email);
      await expect(page.getByText(ACCEPTED_TEXT)).toBeVisible();
      await expect(page.getByText('メールが届かない場合はメールアドレスを確認の上、再度お手続きをお願いいたします。')).toBeVisible();
      await expect(page.getByRole('button', { name: '送信' })).toBeHidden();
    });

    const mails = await mailbox.requestMails('passwordReset', merchant.email);
    await test.step('two emails: the URL and the passcode', async () => {
      expect(mails.urlMail.subject).toBe(RESET_URL_MAIL_SUBJECT);
      expect(mails.passcodeMail.subject).toBe(RESET_PASSCODE_MAIL_SUBJECT);
      for (const mail of [mails.urlMail, mails.passcodeMail]) {
        expect(decodeMimeWords(mail.from)).toMatch(/^"?お客様サポートWEB"? <[^>]+@[^>]+>$/);
      }
      expect(mails.completionUrl.startsWith(`${stack.siteUrl.replace(/\/$/, '')}/reset-password.html#`)).toBe(true);
      expect(mails.urlMail.body.text ?? '').not.toContain(mails.passcode);
    });

    await test.step('the reset page takes the passcode and the new password', async () => {
      await openLink(page, mails.completionUrl, 'パスワード再設定');
      await expect(page.getByText('お客様サポートWEBの利用パスワードを再設定します。')).toBeVisible();
      await expect(page.getByText('また、新パスワードには過去4つ前までに使用したものは登録できません。')).toBeVisible();
      await expect(page.locator('#link-email')).toHaveText(/^\S+\*+\S*@example\.com$/);
      await expect(page.getByLabel('新パスワード', { exact: true })).toHaveAttribute('type', 'password');
      await page.getByLabel('パスワードを表示する').check();
      await expect(page.getByLabel('新パスワード(確認用)', { exact: true })).toHaveAttribute('type', 'text');
      await page.getByLabel('パスワードを表示する').uncheck();

      await setPassword(page, { passcode: mails.passcode, newPassword: NEW_PASSWORD });
      await expect(page).toHaveURL(/index\.html\?passwordReset=1$/);
      await expect(page.getByRole('status')).toHaveText(RESET_NOTICE);
    });

    await test.step('the old password no longer logs in; the new one does', async () => {
      await expectLoginRefused(page, merchant.email, merchant.password);
      await logInToHome(page, merchant.email, NEW_PASSWORD);
    });

    await test.step('the other browser was logged out', async () => {
      await expectSignedOut(otherPage);
    });

    await test.step('the link is spent', async () => {
      await openLink(page, mails.completionUrl, 'パスワード再設定');
      await expect(page.locator('#link-invalid')).toContainText('このURLはすでに使用されています。');
    });
  });

  test('an unregistered address gets exactly the same screen, and no email', async ({ page, merchant, mailbox }) => {
    const answerArea = page.locator('main');

    await requestReset(page, merchant.email);
    await expect(page.getByText(ACCEPTED_TEXT)).toBeVisible();
    await mailbox.requestMails('passwordReset', merchant.email);
    const registeredText = await answerArea.innerText();
    const registeredShot = await answerArea.screenshot({ animations: 'disabled', caret: 'hide' });

    // The answer shows the address typed, masked (m***@example.com): the same first letter and
    // domain, so any difference left would come from whether the address is registered.
    const stranger = freshEmail('m-stranger');
    await requestReset(page, stranger);
    await expect(page.getByText(ACCEPTED_TEXT)).toBeVisible();
    expect(await answerArea.innerText()).toBe(registeredText);
    expect((await answerArea.screenshot({ animations: 'disabled', caret: 'hide' })).equals(registeredShot)).toBe(true);
    expect(await mailbox.messagesTo(stranger)).toEqual([]);
  });

  test('past the hourly mail limit for one address, the answer stays the same accepted screen', async ({ page, stack }) => {
    const address = freshEmail('busy');
    // More requests than the hourly allowance per address: each one answered as for any address.
    const answers = new Set<string>();
    for (let request = 1; request <= 10; request += 1) {
      const response = await postApiRaw(stack.siteUrl, '/api/password-reset', { email: address });
      expect(response.status).toBe(200);
      answers.add(await response.text());
    }
    expect([...answers]).toEqual([JSON.stringify({ ok: true })]);

    await requestReset(page, address);
    await expect(page.getByText(ACCEPTED_TEXT)).toBeVisible();
  });

  test('a refusal for too many requests (the firewall’s 429) is shown with its message', async ({ page }) => {
    const address = freshEmail('busy');
    const refused = JSON.parse(TOO_MANY_REQUESTS_BODY) as { error: { code: string; message: string } };
    await page.route('**/api/password-reset', (route) =>
      route.fulfill({ status: 429, contentType: 'application/json', body: TOO_MANY_REQUESTS_BODY }),
    );

    await requestReset(page, address);
    await expect(page.getByRole('alert')).toHaveText(refused.error.message);
    await expect(page.getByText(ACCEPTED_TEXT)).toBeHidden();
    await expect(page.getByLabel('メールアドレス', { exact: true })).toHaveValue(address);
  });

  test('the reset form refuses a wrong passcode and a past password', async ({ page, merchant, mailbox }) => {
    await requestReset(page, merchant.email);
    const mails = await mailbox.requestMails('passwordReset', merchant.email);
    await openLink(page, mails.completionUrl, 'パスワード再設定');

    await setPassword(page, { passcode: wrongPasscodeFor(mails.passcode), newPassword: NEW_PASSWORD });
    await expect(page.getByRole('alert')).toContainText('あと4回');
    await expect(page.getByLabel('パスコード', { exact: true })).toHaveAttribute('aria-invalid', 'true');

    await setPassword(page, { passcode: mails.passcode, newPassword: merchant.password });
    await expect(page.getByRole('alert')).toHaveText(`${FIX_FIELDS_SUMMARY} 新パスワード`);
    await expect(ruleItem(page, 'history')).toContainText(RULE_MESSAGES.history);
    await expect(ruleItem(page, 'history')).toHaveAttribute('data-state', 'rejected');
    await expect(page).toHaveURL(/reset-password\.html#/);
  });
});

test.describe('パスワード再設定: unusable links', () => {
  test('a made-up token says so and points back to パスワード再設定', async ({ page }) => {
    await openLink(page, 'reset-password.html#bm90LWEtcmVhbC10b2tlbi1ub3QtYS1yZWFsLXRva2Vu', 'パスワード再設定');
    await expect(page.locator('#link-invalid')).toContainText('このURLは無効です。');
    await expect(page.locator('#link-invalid')).toContainText('パスワード再設定ページから再度お手続きください。');
    await expect(page.getByRole('link', { name: 'パスワード再設定ページへ' })).toHaveAttribute('href', 'forgot-password.html');
    await expect(page.getByRole('link', { name: '初回ログインページへ' })).toHaveCount(0);
    await expect(page.getByLabel('パスコード', { exact: true })).toBeHidden();
  });

  test('an expired link says so', async ({ page, merchant, mailbox, stack }) => {
    await requestReset(page, merchant.email);
    const { completionUrl } = await mailbox.requestMails('passwordReset', merchant.email);
    await stack.expireRequests();
    await openLink(page, completionUrl, 'パスワード再設定');
    await expect(page.locator('#link-invalid')).toContainText(
      'このURLは有効期限が切れています。お手数ですが、パスワード再設定ページから再度お手続きください。',
    );
  });

  test('a second request replaces the first link', async ({ page, merchant, mailbox }) => {
    await requestReset(page, merchant.email);
    const first = await mailbox.requestMails('passwordReset', merchant.email);
    await requestReset(page, merchant.email);
    const second = await mailbox.requestMails('passwordReset', merchant.email, { earlierPairs: 1 });
    await openLink(page, first.completionUrl, 'パスワード再設定');
    await expect(page.locator('#link-invalid')).toContainText('新しい申請が行われたため無効になりました');
    await openLink(page, second.completionUrl, 'パスワード再設定');
    await expect(page.getByLabel('パスコード', { exact: true })).toBeVisible();
  });
});
