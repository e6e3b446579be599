/**
 * Step ｜ of the guide: パスコード入力 explains the password policy, marks each rule while the
 * merchant types, and names the rule that failed.
 */
import { ALLOWED_SYMBOLS, RULE_MESSAGES } from '../../lambdas/domain/password-policy';
import { expect, test } from './support/fixtures';
import { FIX_FIELDS_SUMMARY, POLICY_FIELD_MESSAGE } from './support/merchant';
import type { RegistrationMails } from './support/mailbox';
import { fillPasscodeForm, GOOD_PASSWORD, openCompletionUrl, registerEmail, ruleItem, setPassword } from './support/merchant';

test.describe('パスコード入力: password policy', () => {
  let mails: RegistrationMails;

  test.beforeEach(async ({ page, account, email, mailbox }) => {
    await registerEmail(page, account, email);
    mails = await mailbox.registrationMails(email);
    await openCompletionUrl(page, mails.completionUrl);
  });

  test('shows the guide’s text, every labelled field and the symbol list', async ({ page }) => {
    await expect(page.getByText('お客様サポートWEBの利用パスワードを設定します。')).toBeVisible();
    await expect(page.getByText('パスコードと新しいパスワードを入力してください。')).toBeVisible();
    await expect(page.getByText('また、新パスワードには過去4つ前までに使用したものは登録できません。')).toBeVisible();
    await expect(page.getByLabel('パスコード', { exact: true })).toBeVisible();
    await expect(page.getByLabel('新パスワード', { exact: true })).toHaveAttribute('type', 'password');
    await expect(page.getByLabel('新パスワード(確認用)', { exact: true })).toHaveAttribute('type', 'password');
    await expect(page.getByRole('button', { name: '設定' })).toBeVisible();

    // Every symbol the policy accepts is listed; the guide writes the backslash key as ¥.
    const listed = await page.locator('#allowed-symbols').innerText();
    for (const symbol of ALLOWED_SYMBOLS) expect(listed).toContain(symbol === '\\' ? '¥(\\)' : symbol);
  });

  test('パスワードを表示する shows both new-password fields', async ({ page }) => {
    await page.getByLabel('パスワードを表示する').check();
    await expect(page.getByLabel('新パスワード', { exact: true })).toHaveAttribute('type', 'text');
    await expect(page.getByLabel('新パスワード(確認用)', { exact: true })).toHaveAttribute('type', 'text');
  });

  test('the checklist follows the typing', async ({ page }) => {
    const newPassword = page.getByLabel('新パスワード', { exact: true });
    await newPassword.fill('abc');
    await expect(ruleItem(page, 'lower')).toHaveAttribute('data-state', 'met');
    await expect(ruleItem(page, 'upper')).toHaveAttribute('data-state', 'unmet');
    await expect(ruleItem(page, 'length')).toHaveAttribute('data-state', 'unmet');
    await newPassword.fill(GOOD_PASSWORD);
    await page.getByLabel('新パスワード(確認用)', { exact: true }).fill(GOOD_PASSWORD);
    for (const rule of ['length', 'upper', 'lower', 'digit', 'symbol', 'allowedCharacters', 'notCommon', 'confirmation']) {
      await expect(ruleItem(page, rule)).toHaveAttribute('data-state', 'met');
    }
    // Only the server knows past passwords: a note, not a tick.
    await expect(ruleItem(page, 'history')).toHaveAttribute('data-state', 'pending');
    await expect(ruleItem(page, 'history')).toContainText(RULE_MESSAGES.history);
  });

  const refusedInTheBrowser: [string, string, string][] = [
    ['too short', 'Ab1#def', 'length'],
    ['no symbol', 'Kx7mQ2vLp9Rz55', 'symbol'],
    ['a full-width character', 'Ｋx7mQ2v#Lp9Rz', 'allowedCharacters'],
    ['a space', 'Kx7m Q2v#Lp9Rz', 'allowedCharacters'],
  ];
  for (const [what, password, rule] of refusedInTheBrowser) {
    test(`a password with ${what} is refused: the rule turns red in the checklist, the alert points to the field`, async ({ page }) => {
      await setPassword(page, { passcode: mails.passcode, newPassword: password });
      await expect(page.getByRole('alert')).toHaveText(`${FIX_FIELDS_SUMMARY} 新パスワード`);
      await expect(page.locator('#new-password-error')).toHaveText(POLICY_FIELD_MESSAGE);
      await expect(ruleItem(page, rule)).toHaveAttribute('data-state', 'unmet');
      await expect(page.locator('.checklist')).toHaveAttribute('data-attempted', 'true');
      await expect(page.getByText(RULE_MESSAGES[rule as keyof typeof RULE_MESSAGES])).toHaveCount(0);
      await expect(page.getByLabel('新パスワード', { exact: true })).toHaveAttribute('aria-invalid', 'true');
      await expect(page).toHaveURL(/passcode\.html#/);
    });
  }

  test('a confirmation that does not match is refused', async ({ page }) => {
    await setPassword(page, { passcode: mails.passcode, newPassword: GOOD_PASSWORD, confirmation: `${GOOD_PASSWORD}x` });
    await expect(page.getByRole('alert')).toHaveText(`${FIX_FIELDS_SUMMARY} 新パスワード(確認用)`);
    await expect(page.locator('#new-password-confirmation-error')).toHaveText(RULE_MESSAGES.confirmation);
    await expect(ruleItem(page, 'confirmation')).toHaveAttribute('data-state', 'unmet');
    await expect(page.getByLabel('新パスワード(確認用)', { exact: true })).toHaveAttribute('aria-invalid', 'true');
  });

  test('the initial password cannot be the new one (history, checked by the server)', async ({ page, account }) => {
    await setPassword(page, { passcode: mails.passcode, newPassword: account.initialPassword });
    await expect(page.getByRole('alert')).toHaveText(`${FIX_FIELDS_SUMMARY} 新パスワード`);
    await expect(page.locator('#new-password-error')).toHaveText(POLICY_FIELD_MESSAGE);
    await expect(ruleItem(page, 'history')).toHaveAttribute('data-state', 'rejected');
    // Typing a new password clears the server's verdict about the old one.
    await page.getByLabel('新パスワード', { exact: true }).fill(GOOD_PASSWORD);
    await expect(ruleItem(page, 'history')).toHaveAttribute('data-state', 'pending');
  });

  test('a password containing the email is refused by the server', async ({ page, email }) => {
    const withEmail = `Q7#${email.split('@')[0]}`.slice(0, 30);
    await fillPasscodeForm(page, { passcode: mails.passcode, newPassword: withEmail });
    await page.getByRole('button', { name: '設定' }).click();
    await expect(page.getByRole('alert')).toHaveText(`${FIX_FIELDS_SUMMARY} 新パスワード`);
    await expect(ruleItem(page, 'notPersonal')).toHaveAttribute('data-state', 'rejected');
    await expect(ruleItem(page, 'notPersonal')).toContainText(RULE_MESSAGES.notPersonal);
  });

  test('a passcode must be six digits', async ({ page }) => {
    await setPassword(page, { passcode: '12345', newPassword: GOOD_PASSWORD });
    await expect(page.getByText('パスコードは6桁の数字で入力してください。').first()).toBeVisible();
    await expect(page.getByLabel('パスコード', { exact: true })).toBeFocused();
  });
});
