/**
 * The 受付 views after a request that mails: each shows the address typed, masked, the spam
 * folder line and the sender; and the two emails state when the request ends, in Japan time.
 */
import type { Page } from '@playwright/test';
import { japanDeadline } from '../../lambdas/domain/japan-time';
import { maskEmail } from '../../lambdas/domain/mask-email';
import { expectNoViolations } from './support/axe';
import { expect, freshEmail, test } from './support/fixtures';
import type { Mailbox, RequestKind } from './support/mailbox';
import { logInToHome, registerEmail } from './support/merchant';

const SPAM_FOLDER = '迷惑メールフォルダもご確認ください。';
/** The local stack's sender (local/stack.ts), served in /site-settings.json. */
const LOCAL_SENDER = 'operation@mail.example.com';
const DAY_MS = 24 * 3_600_000;

/** Runs `submit` and gives the times just before and after it, between which the request was made. */
async function timed(submit: () => Promise<void>): Promise<[number, number]> {
  const before = Date.now();
  await submit();
  return [before, Date.now()];
}

async function expectReceipt(page: Page, viewId: string, typed: string): Promise<void> {
  const view = page.locator(`#${viewId}`);
  await expect(view).toBeVisible();
  await expect(view.locator('[data-receipt-address]')).toHaveText(maskEmail(typed));
  await expect(view).toContainText(`ご入力のメールアドレス : ${maskEmail(typed)}`);
  await expect(view).not.toContainText(typed);
  await expect(view.getByText(SPAM_FOLDER)).toBeVisible();
  await expect(view).toContainText(`メールは「${LOCAL_SENDER}」からお送りします。`);
}

/** Both mails of the request say 24時間以内 and the request's end: 24 hours after it was made, in Japan time. */
async function expectDeadlineInMails(mailbox: Mailbox, kind: RequestKind, address: string, [before, after]: [number, number]) {
  const { urlMail, passcodeMail } = await mailbox.requestMails(kind, address);
  const deadlines = [before, after].map((at) => `24時間以内（${japanDeadline(new Date(at + DAY_MS))}）`);
  for (const mail of [urlMail, passcodeMail]) {
    const text = mail.body.text ?? '';
    expect(
      deadlines.some((deadline) => text.includes(deadline)),
      `${mail.subject} states one of ${deadlines.join(' / ')}`,
    ).toBe(true);
  }
}

test('初回ログイン: the registration accepted shows the masked address, and the mails their end', async ({
  page,
  account,
  email,
  mailbox,
}) => {
  await page.goto('first-login.html');
  const sent = await timed(() => registerEmail(page, account, email));

  await expectReceipt(page, 'registration-accepted', email);
  await expectNoViolations(page, 'first login accepted, with its receipt');
  await expectDeadlineInMails(mailbox, 'registration', email, sent);
});

test('パスワードを忘れた方: the answer shows the address typed, masked, whether or not it is registered', async ({
  page,
  merchant,
  mailbox,
}) => {
  const send = async (address: string) => {
    await page.goto('forgot-password.html');
    await page.getByLabel('メールアドレス', { exact: true }).fill(address);
    await page.getByRole('button', { name: '送信' }).click();
    await expect(page.locator('#request-accepted')).toBeVisible();
  };

  const sent = await timed(() => send(merchant.email));
  await expectReceipt(page, 'request-accepted', merchant.email);
  await expectNoViolations(page, 'forgot password accepted, with its receipt');
  await expectDeadlineInMails(mailbox, 'passwordReset', merchant.email, sent);

  // An address nobody registered gets the same view: the mask is of what was typed.
  const nobody = freshEmail('nobody');
  await send(nobody);
  await expectReceipt(page, 'request-accepted', nobody);
});

test('メールアドレス変更: the request accepted shows the new address, masked, and the mails their end', async ({
  page,
  merchant,
  mailbox,
}) => {
  await logInToHome(page, merchant.email, merchant.password);
  await page.goto('change-email.html');
  await expect(page.locator('#current-email')).toHaveText(merchant.email);
  const newEmail = freshEmail('renamed');
  await page.getByLabel('新しいメールアドレス', { exact: true }).fill(newEmail);
  await page.getByLabel('現在のパスワード', { exact: true }).fill(merchant.password);
  const sent = await timed(async () => {
    await page.getByRole('button', { name: '送信' }).click();
    await expect(page.locator('#change-accepted')).toBeVisible();
  });

  await expectReceipt(page, 'change-accepted', newEmail);
  await expectNoViolations(page, 'change email accepted, with its receipt');
  await expectDeadlineInMails(mailbox, 'emailChange', newEmail, sent);
});

test('without the site settings the receipt still reads, naming the sender by its name', async ({ page, account, email }) => {
  await page.route('**/site-settings.json', (route) => route.abort('connectionrefused'));
  await page.goto('first-login.html');
  await registerEmail(page, account, email);

  const view = page.locator('#registration-accepted');
  await expect(view).toContainText('メールは「お客様サポートWEB」からお送りします。');
  await expect(view.getByText(SPAM_FOLDER)).toBeVisible();
});
