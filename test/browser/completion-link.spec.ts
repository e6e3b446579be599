/** A completion URL that can no longer be used explains what to do instead of showing the form. */
import { expect, test } from './support/fixtures';
import { openCompletionUrl, registerEmail } from './support/merchant';

const invalidView = (page: import('@playwright/test').Page) => page.locator('#link-invalid');

test.describe('パスコード入力: unusable links', () => {
  test('registering again makes the first link invalid (replaced)', async ({ page, account, email, mailbox }) => {
    await registerEmail(page, account, email);
    const first = await mailbox.registrationMails(email);
    await registerEmail(page, account, email);
    const second = await mailbox.registrationMails(email, { earlierPairs: 1 });
    expect(second.completionUrl).not.toBe(first.completionUrl);

    await openCompletionUrl(page, first.completionUrl);
    await expect(invalidView(page)).toContainText('新しい申請が行われたため無効になりました');
    await expect(page.getByLabel('パスコード', { exact: true })).toBeHidden();

    await openCompletionUrl(page, second.completionUrl);
    await expect(page.getByLabel('パスコード', { exact: true })).toBeVisible();
  });

  test('an expired link says so and points to 初回ログイン', async ({ page, account, email, mailbox, stack }) => {
    await registerEmail(page, account, email);
    const { completionUrl } = await mailbox.registrationMails(email);
    await stack.expireRequests();

    await openCompletionUrl(page, completionUrl);
    await expect(invalidView(page)).toContainText(
      'このURLは有効期限が切れています。お手数ですが、初回ログインページから再度申請を行ってください。',
    );
    await expect(page.getByRole('link', { name: '初回ログインページへ' })).toHaveAttribute('href', 'first-login.html');
    // The support contact of the site settings (locally support@example.com).
    await expect(invalidView(page).getByRole('link', { name: /@/ })).toHaveAttribute('href', /^mailto:.+@.+/);
  });

  test('a made-up token is an unknown link', async ({ page }) => {
    await openCompletionUrl(page, 'passcode.html#bm90LWEtcmVhbC10b2tlbi1ub3QtYS1yZWFsLXRva2Vu');
    await expect(invalidView(page)).toContainText('このURLは無効です。');
  });

  test('a URL without its token is an unknown link', async ({ page }) => {
    await openCompletionUrl(page, 'passcode.html');
    await expect(invalidView(page)).toContainText('このURLは無効です。');
  });
});
