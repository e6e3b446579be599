/** Steps Ⅰ–② of the guide: 初回メールアドレス登録 and the two emails it sends. */
import { expect, test } from './support/fixtures';
import { decodeMimeWords, PASSCODE_MAIL_SUBJECT, URL_MAIL_SUBJECT } from './support/mailbox';
import { ACCEPTED_LINES, registerEmail, submitFirstLogin } from './support/merchant';

test.describe('初回メールアドレス登録', () => {
  test('has the three labelled fields, the toggle and 登録', async ({ page }) => {
    await page.goto('first-login.html');
    await expect(page.getByRole('heading', { level: 1, name: '初回メールアドレス登録' })).toBeVisible();
    await expect(page.getByLabel('初回ログインID', { exact: true })).toBeVisible();
    await expect(page.getByLabel('メールアドレス', { exact: true })).toBeVisible();
    const initialPassword = page.getByLabel('初回パスワード', { exact: true });
    await expect(initialPassword).toHaveAttribute('type', 'password');
    await page.getByLabel('パスワードを表示する').check();
    await expect(initialPassword).toHaveAttribute('type', 'text');
    await expect(page.getByRole('button', { name: '登録' })).toBeVisible();
    await expect(page.getByRole('contentinfo')).toContainText('※Internet Explorerには対応していません');
  });

  test('checks the fields in the browser first', async ({ page }) => {
    await page.goto('first-login.html');
    await page.getByLabel('メールアドレス', { exact: true }).fill('not-an-address');
    await page.getByRole('button', { name: '登録' }).click();
    await expect(page.getByText('初回ログインIDを入力してください。')).toBeVisible();
    await expect(page.getByText('初回パスワードを入力してください。')).toBeVisible();
    await expect(page.getByText('メールアドレスの形式が正しくありません。')).toBeVisible();
    await expect(page.getByLabel('初回ログインID', { exact: true })).toBeFocused();
    await expect(page.getByLabel('メールアドレス', { exact: true })).toHaveValue('not-an-address');
  });

  test('a wrong ID and a wrong password get the same message, and nothing typed is lost', async ({ page, account, email }) => {
    await submitFirstLogin(page, { ...account, initialPassword: `${account.initialPassword}x` }, email);
    const alert = page.getByRole('alert');
    await expect(alert).not.toBeEmpty();
    const wrongPasswordMessage = await alert.innerText();

    await submitFirstLogin(page, { ...account, loginId: `${account.loginId}9` }, email);
    await expect(alert).not.toBeEmpty();
    expect(await alert.innerText()).toBe(wrongPasswordMessage);

    await expect(page.getByLabel('初回ログインID', { exact: true })).toHaveValue(`${account.loginId}9`);
    await expect(page.getByLabel('初回パスワード', { exact: true })).toHaveValue(account.initialPassword);
    await expect(page.getByLabel('メールアドレス', { exact: true })).toHaveValue(email);
    await expect(page.getByText(ACCEPTED_LINES[0])).toBeHidden();
  });

  test('on success shows the guide’s three lines in place of the form', async ({ page, account, email }) => {
    await registerEmail(page, account, email);
    for (const line of ACCEPTED_LINES) await expect(page.getByText(line)).toBeVisible();
    await expect(page.getByRole('button', { name: '登録' })).toBeHidden();
  });

  test('two emails arrive: the completion URL and the passcode', async ({ page, account, email, mailbox, stack }) => {
    await registerEmail(page, account, email);
    const mails = await mailbox.registrationMails(email);

    expect(mails.urlMail.subject).toBe(URL_MAIL_SUBJECT);
    expect(mails.passcodeMail.subject).toBe(PASSCODE_MAIL_SUBJECT);
    for (const mail of [mails.urlMail, mails.passcodeMail]) {
      expect(decodeMimeWords(mail.from)).toMatch(/^"?お客様サポートWEB"? <[^>]+@[^>]+>$/);
    }
    expect(mails.completionUrl.startsWith(`${stack.siteUrl.replace(/\/$/, '')}/passcode.html#`)).toBe(true);
    expect(mails.passcode).toMatch(/^\d{6}$/);
    // The passcode travels only in its own mail.
    expect(mails.urlMail.body.text ?? '').not.toContain(mails.passcode);
  });
});
