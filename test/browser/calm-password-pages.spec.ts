/**
 * The pages that set a password (パスコード入力, パスワード再設定, パスワード変更) say each rule of
 * the policy at most twice on screen (the guide's text and the checklist), before and after a
 * refused 設定, at desktop and phone widths: the checklist sits right under 新パスワード, the
 * alert is one line pointing to the fields, and each field's message is short. The page's height
 * is printed for each state.
 */
import { MAX_LENGTH, MIN_LENGTH } from '../../lambdas/domain/password-policy';
import { expectNoViolations } from './support/axe';
import { expect, test } from './support/fixtures';
import { logInToHome, openCompletionUrl, openLink, registerEmail } from './support/merchant';
import type { Page, TestInfo } from '@playwright/test';

const SIZES = [
  { name: 'desktop', width: 1280, height: 800 },
  { name: 'phone', width: 390, height: 844 },
] as const;

/** Every wording of each rule: the guide's text, the checklist's label and the rule's message. */
const RULE_WORDING: Record<string, RegExp> = {
  length: new RegExp(`${MIN_LENGTH}文字以上${MAX_LENGTH}文字以下`, 'g'),
  upper: /英字\(大文字\)/g,
  lower: /英字\(小文字\)/g,
  digit: /数字を1文字以上|数字・記号を各種1文字以上/g,
  symbol: /記号を1文字以上|記号を各種1文字以上/g,
  allowedCharacters: /使用できない文字|使用可能な記号|半角英数字と指定の記号/g,
  notPersonal: /メールアドレスやログインIDを含/g,
  notCommon: /推測されやすい/g,
  confirmation: /一致/g,
  history: /過去\d+つ前まで/g,
};

const ALERT_SUMMARY = '入力内容をご確認ください。赤字の項目を修正してください。';

async function ruleCounts(page: Page): Promise<Record<string, number>> {
  const text = await page.locator('body').innerText();
  return Object.fromEntries(Object.entries(RULE_WORDING).map(([rule, wording]) => [rule, text.match(wording)?.length ?? 0]));
}

/** Returns the page's height. */
async function expectEachRuleAtMostTwice(page: Page, state: string, testInfo: TestInfo): Promise<number> {
  const counts = await ruleCounts(page);
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  const line = `${state}: page height ${height}px; rule wording seen ${JSON.stringify(counts)}`;
  console.log(line);
  testInfo.annotations.push({ type: 'measure', description: line });
  for (const [rule, count] of Object.entries(counts)) {
    expect(count, `${state}: ${rule}`).toBeGreaterThanOrEqual(1);
    expect(count, `${state}: ${rule}`).toBeLessThanOrEqual(2);
  }
  return height;
}

/**
 * A refusal adds only the alert and a line under each field (about eight lines on a phone), not
 * another copy of the rules: before, the alert's list and the fields' lists added some 470px.
 */
const MAX_GROWTH_PX = 240;

/** The checklist is the next thing under 新パスワード (its message included), above the confirmation. */
async function expectChecklistUnderNewPassword(page: Page, state: string): Promise<void> {
  const input = await page.getByLabel('新パスワード', { exact: true }).boundingBox();
  const error = await page.locator('#new-password-error').boundingBox();
  const checklist = await page.locator('.checklist').boundingBox();
  const confirmation = await page.getByLabel('新パスワード(確認用)', { exact: true }).boundingBox();
  const above = error ?? input!;
  const bottom = Math.max(input!.y + input!.height, above.y + above.height);
  expect(checklist!.y, `${state}: checklist below 新パスワード`).toBeGreaterThanOrEqual(bottom);
  expect(checklist!.y - bottom, `${state}: checklist right under 新パスワード`).toBeLessThan(24);
  expect(Math.abs(checklist!.x - input!.x), `${state}: aligned with the field`).toBeLessThan(2);
  expect(confirmation!.y, `${state}: confirmation after the checklist`).toBeGreaterThan(checklist!.y + checklist!.height);
}

/** One line pointing to the fields: the summary and a link to each field marked wrong, no list. */
async function expectAlertPointsToFields(page: Page, fields: string[]): Promise<void> {
  const alert = page.getByRole('alert').filter({ hasText: ALERT_SUMMARY });
  await expect(alert).toHaveText(`${ALERT_SUMMARY} ${fields.join('、')}`);
  await expect(alert.locator('li')).toHaveCount(0);
  await expect(alert.locator('p')).toHaveCount(1);
  await expect(alert.getByRole('link')).toHaveText(fields);
  const last = fields.at(-1)!;
  await alert.getByRole('link', { name: last, exact: true }).click();
  await expect(page.getByLabel(last, { exact: true })).toBeFocused();
}

interface PasswordPage {
  open: (page: Page) => Promise<void>;
  fill: (page: Page, newPassword: string, confirmation: string) => Promise<void>;
  button: string;
  /** A password the account had: history refuses it (only the server knows). */
  pastPassword: string;
}

/** Refused in the browser: short, most kinds of character missing, and not confirmed. */
const REFUSED = { newPassword: 'abc', confirmation: 'abd' };
const BOTH_FIELDS = ['新パスワード', '新パスワード(確認用)'];

async function walk(page: Page, testInfo: TestInfo, name: string, target: PasswordPage): Promise<void> {
  for (const size of SIZES) {
    await test.step(`${name} at ${size.width}×${size.height}`, async () => {
      await page.setViewportSize({ width: size.width, height: size.height });
      await target.open(page);
      const before = await expectEachRuleAtMostTwice(page, `${name} ${size.name} before`, testInfo);
      await expectChecklistUnderNewPassword(page, `${name} ${size.name} before`);
      await expectNoViolations(page, `${name} ${size.name} before`);
      await page.screenshot({ path: testInfo.outputPath(`${name}-${size.name}-before.png`), fullPage: true });

      await test.step('refused in the browser', async () => {
        await target.fill(page, REFUSED.newPassword, REFUSED.confirmation);
        await page.getByRole('button', { name: target.button }).click();
        await expectAlertPointsToFields(page, BOTH_FIELDS);
        await expect(page.locator('#new-password-error')).toHaveText('条件を満たしていません。下の赤字の条件をご確認ください。');
        await expect(page.locator('#new-password-confirmation-error')).toHaveText('新パスワードと新パスワード(確認用)が一致しません。');
        await expect(page.locator('.checklist [data-rule="length"]')).toHaveCSS('color', 'rgb(179, 38, 30)');
        const after = await expectEachRuleAtMostTwice(page, `${name} ${size.name} after a refused ${target.button}`, testInfo);
        expect(after - before, `${name} ${size.name}: growth after a refusal`).toBeLessThan(MAX_GROWTH_PX);
        await expectChecklistUnderNewPassword(page, `${name} ${size.name} after`);
        await expectNoViolations(page, `${name} ${size.name} after a refused ${target.button}`);
        await page.screenshot({ path: testInfo.outputPath(`${name}-${size.name}-after.png`), fullPage: true });
      });

      await test.step('refused by the server (a past password): the same calm page', async () => {
        await target.open(page);
        await target.fill(page, target.pastPassword, target.pastPassword);
        await page.getByRole('button', { name: target.button }).click();
        await expectAlertPointsToFields(page, ['新パスワード']);
        await expect(page.locator('.checklist [data-rule="history"]')).toHaveAttribute('data-state', 'rejected');
        const after = await expectEachRuleAtMostTwice(page, `${name} ${size.name} after the server's refusal`, testInfo);
        expect(after - before, `${name} ${size.name}: growth after the server's refusal`).toBeLessThan(MAX_GROWTH_PX);
        await expectNoViolations(page, `${name} ${size.name} after the server's refusal`);
      });
    });
  }
}

test.describe('calm password pages', () => {
  // Two widths, three states each, axe on every one.
  test.describe.configure({ timeout: 150_000 });

  test('パスコード入力', async ({ page, account, email, mailbox }, testInfo) => {
    await registerEmail(page, account, email);
    const mails = await mailbox.registrationMails(email);
    await walk(page, testInfo, 'passcode', {
      // From elsewhere: going to the same URL with its #token again would not reload the page.
      open: async (p) => {
        await p.goto('about:blank');
        await openCompletionUrl(p, mails.completionUrl);
      },
      fill: async (p, newPassword, confirmation) => {
        await p.getByLabel('パスコード', { exact: true }).fill(mails.passcode);
        await p.getByLabel('新パスワード', { exact: true }).fill(newPassword);
        await p.getByLabel('新パスワード(確認用)', { exact: true }).fill(confirmation);
      },
      button: '設定',
      pastPassword: account.initialPassword,
    });
  });

  test('パスワード再設定', async ({ page, merchant, mailbox }, testInfo) => {
    await page.goto('forgot-password.html');
    await page.getByLabel('メールアドレス', { exact: true }).fill(merchant.email);
    await page.getByRole('button', { name: '送信' }).click();
    await expect(page.locator('#request-accepted')).toBeVisible();
    const mails = await mailbox.requestMails('passwordReset', merchant.email);
    await walk(page, testInfo, 'reset', {
      open: async (p) => {
        await p.goto('about:blank');
        await openLink(p, mails.completionUrl, 'パスワード再設定');
      },
      fill: async (p, newPassword, confirmation) => {
        await p.getByLabel('パスコード', { exact: true }).fill(mails.passcode);
        await p.getByLabel('新パスワード', { exact: true }).fill(newPassword);
        await p.getByLabel('新パスワード(確認用)', { exact: true }).fill(confirmation);
      },
      button: '設定',
      pastPassword: merchant.password,
    });
  });

  test('パスワード変更', async ({ page, merchant }, testInfo) => {
    await logInToHome(page, merchant.email, merchant.password);
    await walk(page, testInfo, 'change', {
      open: async (p) => {
        await p.goto('change-password.html');
        await expect(p.getByRole('heading', { level: 1, name: 'パスワード変更' })).toBeVisible();
      },
      fill: async (p, newPassword, confirmation) => {
        await p.getByLabel('現在のパスワード', { exact: true }).fill(merchant.password);
        await p.getByLabel('新パスワード', { exact: true }).fill(newPassword);
        await p.getByLabel('新パスワード(確認用)', { exact: true }).fill(confirmation);
      },
      button: '変更',
      pastPassword: merchant.password,
    });
  });
});
