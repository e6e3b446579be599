/**
 * パスワード変更 (signed in): the current password and a new one. The other sessions of the
 * account end, this one stays, and a notice email tells the merchant.
 */
import { RULE_MESSAGES } from '../../lambdas/domain/password-policy';
import { expect, test } from './support/fixtures';
import { FIX_FIELDS_SUMMARY, POLICY_FIELD_MESSAGE } from './support/merchant';
import { PASSWORD_CHANGED_MAIL_SUBJECT } from './support/mailbox';
import { expectLoginRefused, expectSignedOut, logInToHome, ruleItem } from './support/merchant';
import type { Page } from '@playwright/test';

const NEW_PASSWORD = 'Ch4nged#Pass-77';

async function fillChangeForm(page: Page, values: { current: string; newPassword: string; confirmation?: string }) {
  await page.getByLabel('現在のパスワード', { exact: true }).fill(values.current);
  await page.getByLabel('新パスワード', { exact: true }).fill(values.newPassword);
  await page.getByLabel('新パスワード(確認用)', { exact: true }).fill(values.confirmation ?? values.newPassword);
}

async function changePassword(page: Page, values: { current: string; newPassword: string; confirmation?: string }) {
  await fillChangeForm(page, values);
  await page.getByRole('button', { name: '変更' }).click();
}

test.describe('パスワード変更', () => {
  test('without a session the page sends the merchant to login', async ({ page }) => {
    await expectSignedOut(page, 'change-password.html');
  });

  test('home leads to a form with every labelled field, the policy and the checklist', async ({ page, merchant }) => {
    await logInToHome(page, merchant.email, merchant.password);
    await page.getByRole('link', { name: 'パスワード変更' }).click();
    await expect(page).toHaveURL(/change-password\.html$/);
    await expect(page.getByRole('heading', { level: 1, name: 'パスワード変更' })).toBeVisible();
    for (const label of ['現在のパスワード', '新パスワード', '新パスワード(確認用)']) {
      await expect(page.getByLabel(label, { exact: true })).toHaveAttribute('type', 'password');
    }
    await page.getByLabel('パスワードを表示する').check();
    for (const label of ['現在のパスワード', '新パスワード', '新パスワード(確認用)']) {
      await expect(page.getByLabel(label, { exact: true })).toHaveAttribute('type', 'text');
    }
    await expect(page.getByText('使用可能な記号は以下の通りです。')).toBeVisible();
    await expect(page.getByText('また、新パスワードには過去4つ前までに使用したものは登録できません。')).toBeVisible();
    await expect(page.getByRole('button', { name: '変更' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'ログアウト' })).toBeVisible();
    await expect(ruleItem(page, 'history')).toHaveAttribute('data-state', 'pending');
  });

  test('signed in, the checklist knows the email and the login ID while typing', async ({ page, merchant }) => {
    await logInToHome(page, merchant.email, merchant.password);
    await page.goto('change-password.html');
    const newPassword = page.getByLabel('新パスワード', { exact: true });
    await newPassword.fill('Kx7#mQ2v!Lp9Rz');
    await expect(ruleItem(page, 'notPersonal')).toHaveAttribute('data-state', 'met');
    await newPassword.fill(`Q7#${merchant.email.split('@')[0]}`.slice(0, 30));
    await expect(ruleItem(page, 'notPersonal')).toHaveAttribute('data-state', 'unmet');
    await newPassword.fill(`Q7#a${merchant.loginId.toLowerCase()}`);
    await expect(ruleItem(page, 'notPersonal')).toHaveAttribute('data-state', 'unmet');
    await page.getByRole('button', { name: '変更' }).click();
    await expect(page.getByRole('alert')).toContainText(FIX_FIELDS_SUMMARY);
    await expect(page.locator('#new-password-error')).toHaveText(POLICY_FIELD_MESSAGE);
    await expect(ruleItem(page, 'notPersonal')).toContainText(RULE_MESSAGES.notPersonal.slice(0, 10));
  });

  test('a wrong current password is told on that field', async ({ page, merchant }) => {
    await logInToHome(page, merchant.email, merchant.password);
    await page.goto('change-password.html');
    await changePassword(page, { current: `${merchant.password}x`, newPassword: NEW_PASSWORD });
    const current = page.getByLabel('現在のパスワード', { exact: true });
    await expect(current).toHaveAttribute('aria-invalid', 'true');
    await expect(page.locator('#current-password-error')).not.toBeEmpty();
    await expect(current).toBeFocused();
    await expect(page).toHaveURL(/change-password\.html$/);
    // Still signed in; the password is unchanged.
    await page.goto('home.html');
    await expect(page.locator('#account-email')).toHaveText(merchant.email);
  });

  test('the current password cannot be the new one (history)', async ({ page, merchant }) => {
    await logInToHome(page, merchant.email, merchant.password);
    await page.goto('change-password.html');
    await changePassword(page, { current: merchant.password, newPassword: merchant.password });
    await expect(page.getByRole('alert')).toHaveText(`${FIX_FIELDS_SUMMARY} 新パスワード`);
    await expect(ruleItem(page, 'history')).toContainText(RULE_MESSAGES.history);
    await expect(ruleItem(page, 'history')).toHaveAttribute('data-state', 'rejected');
    await expect(page.getByLabel('新パスワード', { exact: true })).toHaveAttribute('aria-invalid', 'true');
    await expect(page).toHaveURL(/change-password\.html$/);
  });

  test('the browser checks the fields first', async ({ page, merchant }) => {
    await logInToHome(page, merchant.email, merchant.password);
    await page.goto('change-password.html');
    await page.getByRole('button', { name: '変更' }).click();
    await expect(page.locator('#current-password-error')).toHaveText('現在のパスワードを入力してください。');
    await expect(page.locator('#new-password-error')).toHaveText('新パスワードを入力してください。');
    await expect(page.getByRole('alert')).toHaveText(`${FIX_FIELDS_SUMMARY} 現在のパスワード、新パスワード、新パスワード(確認用)`);
    await expect(page.getByLabel('現在のパスワード', { exact: true })).toBeFocused();
    await changePassword(page, { current: merchant.password, newPassword: 'Short#1a' });
    await expect(page.getByRole('alert')).toHaveText(`${FIX_FIELDS_SUMMARY} 新パスワード`);
    await expect(ruleItem(page, 'length')).toHaveAttribute('data-state', 'unmet');
  });

  test('a change ends the other sessions, keeps this one, and sends a notice', async ({ page, otherPage, merchant, mailbox }) => {
    await logInToHome(otherPage, merchant.email, merchant.password);
    await logInToHome(page, merchant.email, merchant.password);

    await page.getByRole('link', { name: 'パスワード変更' }).click();
    await changePassword(page, { current: merchant.password, newPassword: NEW_PASSWORD });
    await expect(page).toHaveURL(/home\.html\?passwordChanged=1$/);
    await expect(page.getByRole('status')).toHaveText('パスワードを変更しました。');
    await expect(page.locator('#account-email')).toHaveText(merchant.email);

    // This browser stays signed in; the other one is logged out.
    await page.goto('home.html');
    await expect(page.locator('#account-email')).toHaveText(merchant.email);
    await expectSignedOut(otherPage);

    const notice = await mailbox.mailWithSubject(merchant.email, PASSWORD_CHANGED_MAIL_SUBJECT);
    expect(notice.body.text ?? '').not.toContain(NEW_PASSWORD);

    await expectLoginRefused(otherPage, merchant.email, merchant.password);
    await logInToHome(otherPage, merchant.email, NEW_PASSWORD);
  });
});
