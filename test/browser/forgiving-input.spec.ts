/**
 * Input as a merchant types it with a Japanese IME: the letter's ID, the email and the passcode
 * in full width, in another case, with spaces (full-width too) around. The guide's first login,
 * the passcode and the login take them as the letter, the mails and the account have them.
 */
import { expect, test } from './support/fixtures';
import {
  ACCEPTED_LINES,
  GOOD_PASSWORD,
  logIn,
  openCompletionUrl,
  REGISTERED_NOTICE,
  registerEmail,
  setPassword,
  submitFirstLogin,
} from './support/merchant';

/** What a Japanese IME gives for half-width text: `A` → `Ａ`, `@` → `＠`, `1` → `１`. */
const fullWidth = (text: string) => [...text].map((c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0)).join('');
const SPACE = '\u3000';

test('the guide takes the letter’s ID and the email in full width, the passcode in full width, and the login the email in capitals', async ({
  page,
  account,
  email,
  mailbox,
}) => {
  await test.step('初回メールアドレス登録 with the ID and the email in full width, full-width spaces around', async () => {
    await registerEmail(page, { ...account, loginId: fullWidth(account.loginId) }, `${SPACE}${fullWidth(email)}${SPACE}`);
  });

  // The mails go to the address as registered: half width, lower case.
  const { completionUrl, passcode } = await mailbox.registrationMails(email);

  await test.step('the passcode typed in full width', async () => {
    await openCompletionUrl(page, completionUrl);
    await setPassword(page, { passcode: fullWidth(passcode), newPassword: GOOD_PASSWORD });
    await expect(page).toHaveURL(/index\.html\?registered=1$/);
    await expect(page.getByRole('status')).toHaveText(REGISTERED_NOTICE);
  });

  await test.step('login with the email in full-width capitals and spaces around', async () => {
    await logIn(page, ` ${fullWidth(email.toUpperCase())}${SPACE}`, GOOD_PASSWORD);
    await expect(page).toHaveURL(/home\.html$/);
    await expect(page.locator('#account-email')).toHaveText(email);
    await expect(page.locator('#account-login-id')).toHaveText(account.loginId);
  });
});

test('the letter’s ID in lower case and the email in capitals with spaces around are the letter’s and the address', async ({
  page,
  account,
  email,
  mailbox,
}) => {
  await registerEmail(page, { ...account, loginId: account.loginId.toLowerCase() }, `  ${email.toUpperCase()}${SPACE}`);

  const { completionUrl, passcode } = await mailbox.registrationMails(email);
  expect(passcode).toMatch(/^\d{6}$/);
  await openCompletionUrl(page, completionUrl);
  await setPassword(page, { passcode: `${SPACE}${passcode} `, newPassword: GOOD_PASSWORD });
  await expect(page).toHaveURL(/index\.html\?registered=1$/);

  await logIn(page, email.toUpperCase(), GOOD_PASSWORD);
  await expect(page).toHaveURL(/home\.html$/);
  await expect(page.locator('#account-email')).toHaveText(email);
});

test('a password is judged as typed: full width is not made half width', async ({ page, account, email }) => {
  await submitFirstLogin(page, { ...account, initialPassword: fullWidth(account.initialPassword) }, email);
  await expect(page.getByRole('alert')).toContainText('ログインIDまたはパスワードが正しくありません。');
  await expect(page.getByText(ACCEPTED_LINES[0])).toBeHidden();
});
