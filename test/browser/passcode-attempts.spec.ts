/** A wrong passcode is told with the tries left; the fifth wrong one voids the request. */
import { expect, test } from './support/fixtures';
import { GOOD_PASSWORD, openCompletionUrl, registerEmail, setPassword, wrongPasscodeFor } from './support/merchant';

const VOIDED_TEXT = 'パスコードの入力誤りが上限に達したため、このURLは無効になりました。';

test.describe('パスコード入力: wrong passcodes', () => {
  test('a wrong passcode says so and counts down', async ({ page, account, email, mailbox }) => {
    await registerEmail(page, account, email);
    const { completionUrl, passcode } = await mailbox.registrationMails(email);
    await openCompletionUrl(page, completionUrl);

    const wrong = wrongPasscodeFor(passcode);
    await setPassword(page, { passcode: wrong, newPassword: GOOD_PASSWORD });
    await expect(page.getByRole('alert')).toContainText('あと4回');
    await expect(page.getByLabel('パスコード', { exact: true })).toHaveAttribute('aria-invalid', 'true');
    // What the merchant typed is still there to correct.
    await expect(page.getByLabel('新パスワード', { exact: true })).toHaveValue(GOOD_PASSWORD);

    await page.getByRole('button', { name: '設定' }).click();
    await expect(page.getByRole('alert')).toContainText('あと3回');
  });

  test('the fifth wrong passcode turns the page into the invalid-link view', async ({ page, account, email, mailbox }) => {
    await registerEmail(page, account, email);
    const { completionUrl, passcode } = await mailbox.registrationMails(email);
    await openCompletionUrl(page, completionUrl);

    await setPassword(page, { passcode: wrongPasscodeFor(passcode), newPassword: GOOD_PASSWORD });
    for (let attempt = 2; attempt <= 5; attempt += 1) {
      await expect(page.getByRole('button', { name: '設定' })).toBeEnabled();
      await page.getByRole('button', { name: '設定' }).click();
      if (attempt < 5) await expect(page.getByRole('alert')).toContainText(`あと${5 - attempt}回`);
    }
    await expect(page.getByText(VOIDED_TEXT)).toBeVisible();
    await expect(page.getByRole('button', { name: '設定' })).toBeHidden();
    await expect(page.getByRole('link', { name: '初回ログインページへ' })).toHaveAttribute('href', 'first-login.html');

    // The right passcode cannot bring it back.
    await openCompletionUrl(page, completionUrl);
    await expect(page.getByText(VOIDED_TEXT)).toBeVisible();
  });
});
