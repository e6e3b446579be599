/**
 * ローカル受信箱 (`/_local/mailbox`, local mode only): the mailbox a newcomer reads while
 * walking the guide on `npm start` — the mails of an address newest first, the sender readable,
 * the completion URL a link, the passcode easy to copy.
 */
import { inboxPage, inboxUnavailablePage } from '../../local/mailbox/inbox-page';
import { expectNoViolations } from './support/axe';
import { expect, test } from './support/fixtures';
import { PASSCODE_MAIL_SUBJECT, URL_MAIL_SUBJECT } from './support/mailbox';
import { GOOD_PASSWORD, REGISTERED_NOTICE, registerEmail, setPassword } from './support/merchant';

const SENDER = 'お客様サポートWEB <operation@mail.example.com>';

test('after a registration it shows the two mails newest first, and its URL and passcode finish the registration', async ({
  page,
  account,
  email,
  mailbox,
  stack,
}) => {
  await registerEmail(page, account, email);
  // The raw store says what arrived; the page must show the same.
  const sent = await mailbox.registrationMails(email);

  await page.goto(stack.inboxUrl);
  await expect(page).toHaveTitle('ローカル受信箱 | お客様サポートWEB');
  await expect(page.getByRole('heading', { level: 1, name: 'ローカル受信箱' })).toBeVisible();
  await expect(page.getByText('このページはローカル環境（npm start）にだけあります。')).toBeVisible();
  // The address that received mail last comes first, after すべての宛先.
  const addresses = page.getByRole('navigation', { name: '宛先' }).getByRole('link');
  await expect(addresses.nth(1)).toHaveText(`${email}（2通）`);
  await addresses.nth(1).click();
  await expect(page).toHaveURL(`${stack.inboxUrl}?to=${encodeURIComponent(email)}`);
  await expect(addresses.nth(1)).toHaveAttribute('aria-current', 'page');

  const group = page.getByRole('region', { name: `${email} 宛て（2通）` });
  const mails = group.getByRole('article');
  await expect(mails).toHaveCount(2);
  await expect(page.getByRole('region')).toHaveCount(1);
  const [passcodeMail, urlMail] = [mails.nth(0), mails.nth(1)];
  await expect(passcodeMail.getByRole('heading', { level: 3 })).toHaveText(PASSCODE_MAIL_SUBJECT);
  await expect(urlMail.getByRole('heading', { level: 3 })).toHaveText(URL_MAIL_SUBJECT);
  for (const mail of [passcodeMail, urlMail]) {
    await expect(mail.locator('.inbox-from')).toHaveText(SENDER);
    await expect(mail.locator('time')).toHaveText(/^\d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2}$/);
  }
  await expect(passcodeMail.locator('.inbox-body')).toHaveText(sent.passcodeMail.body.text!);
  await expect(urlMail.locator('.inbox-body')).toHaveText(sent.urlMail.body.text!);
  await expect(passcodeMail.locator('.inbox-passcode-value')).toHaveText(sent.passcode);
  await expectNoViolations(page, 'local mailbox, one address');

  // The completion URL opens パスコード入力 in a new tab; the mailbox stays for the passcode.
  const completionLink = urlMail.getByRole('link', { name: sent.completionUrl });
  await expect(completionLink).toHaveAttribute('href', sent.completionUrl);
  const [passcodePage] = await Promise.all([page.context().waitForEvent('page'), completionLink.click()]);
  await expect(passcodePage.getByRole('heading', { name: 'パスコード入力' })).toBeVisible();
  await expect(passcodePage.getByText('URLを確認しています…')).toBeHidden();
  const shownPasscode = await passcodeMail.locator('.inbox-passcode-value').innerText();
  await setPassword(passcodePage, { passcode: shownPasscode, newPassword: GOOD_PASSWORD });
  await expect(passcodePage.getByText(REGISTERED_NOTICE)).toBeVisible();
});

test('lists every address, and reloads to the chosen one', async ({ page, stack, merchant }) => {
  await page.goto(stack.inboxUrl);
  await expect(page.getByRole('region', { name: `${merchant.email} 宛て（2通）` })).toBeVisible();
  await expectNoViolations(page, 'local mailbox, every address');

  await page.getByRole('link', { name: `${merchant.email}（2通）` }).click();
  await page.getByRole('link', { name: '再読み込み' }).click();
  await expect(page).toHaveURL(`${stack.inboxUrl}?to=${encodeURIComponent(merchant.email)}`);
  await expect(page.getByRole('region', { name: `${merchant.email} 宛て（2通）` })).toBeVisible();
});

test('says so for an address without mail', async ({ page, stack }) => {
  await page.goto(`${stack.inboxUrl}?to=${encodeURIComponent('nobody@example.com')}`);
  await expect(page.getByText('nobody@example.com 宛てのメールはありません。')).toBeVisible();
  await expectNoViolations(page, 'local mailbox, an address without mail');
});

test('its empty and unavailable states have no axe violations', async ({ page, stack }) => {
  // The same markup the server sends, on the same origin, so the page's stylesheets apply.
  await page.goto(stack.inboxUrl);
  await page.setContent(inboxPage({ groups: [], emulatorUrl: stack.mailboxUrl }));
  await expect(page.getByText('まだメールはありません。', { exact: false })).toBeVisible();
  await expectNoViolations(page, 'local mailbox, empty');

  await page.setContent(inboxUnavailablePage(stack.mailboxUrl));
  await expect(page.getByRole('alert')).toHaveText(/メールを読み込めませんでした。/);
  await expectNoViolations(page, 'local mailbox, mails unreadable');
});
