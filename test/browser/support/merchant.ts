/**
 * What a merchant does on each screen, in the screen's own words (labels and buttons of the
 * login guide), so the specs read like the guide's steps.
 */
import { expect, type Page } from '@playwright/test';

/** The letter's initial login ID and password. */
export interface MerchantAccount {
  loginId: string;
  initialPassword: string;
}

export const ACCEPTED_LINES = [
  '以降の手続き方法はご登録メールアドレスへご案内いたします。',
  'メールが届かない場合はメールアドレスを確認の上、再登録をお願いいたします。',
  'なお、登録完了後のログインよりログインIDは本画面で登録されたメールアドレスになります。',
];

export const REGISTERED_NOTICE = 'メールアドレスの登録とパスワードの設定が完了しました。ご登録のメールアドレスでログインしてください。';

/** The alert of a refused password form: one line, then a link to each field in error. */
/** After an email change, which ends no session: this browser signed in (home), or not (login). */
export const EMAIL_CHANGED_SIGNED_IN =
  'メールアドレスの変更が完了しました。ログインしたまま続けてご利用いただけます。次回のログインからは、新しいメールアドレスをログインIDとしてご利用ください。';
export const EMAIL_CHANGED_SIGNED_OUT =
  'メールアドレスの変更が完了しました。新しいメールアドレスでログインしてください。ほかの端末でのログインは、そのまま続きます。';

export const FIX_FIELDS_SUMMARY = '入力内容をご確認ください。赤字の項目を修正してください。';
/** Under 新パスワード when it breaks the policy; the checklist below marks which rule. */
export const POLICY_FIELD_MESSAGE = '条件を満たしていません。下の赤字の条件をご確認ください。';

/** A password that meets every rule and is nobody's initial password. */
export const GOOD_PASSWORD = 'Kx7#mQ2v!Lp9Rz';

export async function submitFirstLogin(page: Page, account: MerchantAccount, email: string): Promise<void> {
  await page.goto('first-login.html');
  await page.getByLabel('初回ログインID', { exact: true }).fill(account.loginId);
  await page.getByLabel('初回パスワード', { exact: true }).fill(account.initialPassword);
  await page.getByLabel('メールアドレス', { exact: true }).fill(email);
  await page.getByRole('button', { name: '登録' }).click();
}

/** 初回メールアドレス登録 through to the guide's "what happens next" lines. */
export async function registerEmail(page: Page, account: MerchantAccount, email: string): Promise<void> {
  await submitFirstLogin(page, account, email);
  await expect(page.getByText(ACCEPTED_LINES[0])).toBeVisible();
}

/** Opens the completion URL from the first email and waits until the page has checked it. */
export async function openCompletionUrl(page: Page, completionUrl: string): Promise<void> {
  await page.goto(completionUrl);
  await expect(page.getByRole('heading', { name: 'パスコード入力' })).toBeVisible();
  await expect(page.getByText('URLを確認しています…')).toBeHidden();
}

export async function fillPasscodeForm(
  page: Page,
  values: { passcode: string; newPassword: string; confirmation?: string },
): Promise<void> {
  await page.getByLabel('パスコード', { exact: true }).fill(values.passcode);
  await page.getByLabel('新パスワード', { exact: true }).fill(values.newPassword);
  await page.getByLabel('新パスワード(確認用)', { exact: true }).fill(values.confirmation ?? values.newPassword);
}

export async function setPassword(page: Page, values: { passcode: string; newPassword: string; confirmation?: string }): Promise<void> {
  await fillPasscodeForm(page, values);
  await page.getByRole('button', { name: '設定' }).click();
}

/** On the login page (お客様サポートWEB): fills both fields and presses ログイン. */
export async function logIn(page: Page, loginId: string, password: string): Promise<void> {
  await page.getByLabel('ログインID', { exact: true }).fill(loginId);
  await page.getByLabel('パスワード', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'ログイン', exact: true }).click();
}

/** Opens the login page, logs in and waits for home. */
export async function logInToHome(page: Page, loginId: string, password: string): Promise<void> {
  await page.goto('./');
  await logIn(page, loginId, password);
  await expect(page).toHaveURL(/home\.html$/);
  await expect(page.locator('#account-email')).toHaveText(loginId);
}

/** ログアウト from any signed-in page, back on the login page. */
export async function logOut(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'ログアウト' }).click();
  await expect(page).toHaveURL(/loggedOut=1/);
}

/** Tries to log in and expects to be refused (the page stays on login with its one message). */
export async function expectLoginRefused(page: Page, loginId: string, password: string): Promise<string> {
  await page.goto('./');
  await logIn(page, loginId, password);
  const alert = page.getByRole('alert');
  await expect(alert).not.toBeEmpty();
  await expect(page).not.toHaveURL(/home\.html/);
  return alert.innerText();
}

/** Opens a signed-in page again and expects to be sent to login because the session is gone. */
export async function expectSignedOut(page: Page, path = 'home.html'): Promise<void> {
  await page.goto(path);
  await expect(page).toHaveURL(/index\.html\?sessionExpired=1$/);
  await expect(page.getByRole('status')).toContainText('再度ログインしてください。');
}

/** Opens a completion URL of any flow and waits until the page has checked it. */
export async function openLink(page: Page, url: string, heading: string): Promise<void> {
  await page.goto(url);
  await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
  await expect(page.getByText('URLを確認しています…')).toBeHidden();
}

/** The live checklist item of one policy rule (see static-site/src/js/password-checklist.ts). */
export const ruleItem = (page: Page, rule: string) => page.locator(`form [data-rule="${rule}"]`);

/** A passcode that is surely wrong. */
export const wrongPasscodeFor = (passcode: string) => String((Number(passcode) + 1) % 1_000_000).padStart(6, '0');
