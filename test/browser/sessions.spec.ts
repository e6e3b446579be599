/** ログイン中の端末 and the new-browser notice, as a merchant with two browsers meets them. */
import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures';
import { expectSignedOut, logInToHome, logOut } from './support/merchant';

const NEW_DEVICE_SUBJECT = '【GMOフィナンシャルゲート】お客様サポートWEB 新しい端末からのログインのお知らせ';
/** The second browser calls itself Firefox on a Mac, so the list can tell the two apart. */
const FIREFOX_ON_MAC = 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10.15; rv:128.0) Gecko/20100101 Firefox/128.0';
/** The local server sees the loopback address, in either family. */
const LOOPBACK_APPROXIMATE = /IPアドレス\s*(127\.0\.0\.\*|0:0:0::\*)/;

async function openSessions(page: Page): Promise<void> {
  await page.goto('home.html');
  await page.getByRole('link', { name: 'ログイン中の端末' }).click();
  await expect(page.getByRole('heading', { name: 'ログイン中の端末', level: 1 })).toBeVisible();
  await expect(page.locator('#sessions-loading')).toBeHidden();
}

test.describe('ログイン中の端末', () => {
  test.beforeEach(async ({ otherPage }) => {
    await otherPage.context().setExtraHTTPHeaders({ 'user-agent': FIREFOX_ON_MAC });
  });

  test('two browsers signed in: the list shows both with their browsers; ending the other signs it out', async ({
    page,
    otherPage,
    merchant,
  }) => {
    await logInToHome(page, merchant.email, merchant.password);
    await logInToHome(otherPage, merchant.email, merchant.password);
    await openSessions(page);

    const sessions = page.locator('#session-list > li');
    await expect(sessions).toHaveCount(2);
    await expect(sessions.nth(0).getByRole('heading')).toHaveText(/^Chrome \d+ \/ Linux この端末$/);
    await expect(sessions.nth(1).getByRole('heading')).toHaveText('Firefox 128 / macOS Catalina');
    await expect(sessions.nth(1)).toContainText(LOOPBACK_APPROXIMATE);
    await expect(sessions.nth(1)).toContainText(/ログイン日時\s*\d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2}/);
    await expect(sessions.nth(0).getByRole('button')).toHaveCount(0);

    const confirmations: string[] = [];
    page.on('dialog', (dialog) => {
      confirmations.push(dialog.message());
      void dialog.accept();
    });
    await sessions.nth(1).getByRole('button', { name: 'Firefox 128 / macOS Catalina をログアウトさせる' }).click();
    await expect(page.getByRole('status')).toHaveText('Firefox 128 / macOS Catalina をログアウトさせました。');
    expect(confirmations).toEqual([expect.stringContaining('Firefox 128 / macOS Catalina')]);
    await expect(sessions).toHaveCount(1);
    await expect(page.getByRole('button', { name: '他の端末からすべてログアウト' })).toBeHidden();

    await expectSignedOut(otherPage);
    await page.goto('home.html');
    await expect(page.locator('#account-email')).toHaveText(merchant.email);
  });

  test('他の端末からすべてログアウト signs out every other browser and keeps this one', async ({ page, otherPage, merchant }) => {
    await logInToHome(otherPage, merchant.email, merchant.password);
    await logInToHome(page, merchant.email, merchant.password);
    await openSessions(page);
    await expect(page.locator('#session-list > li')).toHaveCount(2);

    page.once('dialog', (dialog) => void dialog.accept());
    await page.getByRole('button', { name: '他の端末からすべてログアウト' }).click();
    await expect(page.getByRole('status')).toHaveText('他の端末 1台をログアウトさせました。');
    await expect(page.locator('#session-list > li')).toHaveCount(1);

    await expectSignedOut(otherPage);
    await page.reload();
    await expect(page.locator('#session-list > li')).toHaveCount(1);
  });

  test('nothing ends when the merchant cancels the confirmation', async ({ page, otherPage, merchant }) => {
    await logInToHome(otherPage, merchant.email, merchant.password);
    await logInToHome(page, merchant.email, merchant.password);
    await openSessions(page);

    page.once('dialog', (dialog) => void dialog.dismiss());
    await page.getByRole('button', { name: '他の端末からすべてログアウト' }).click();
    await expect(page.locator('#session-list > li')).toHaveCount(2);
    await otherPage.goto('home.html');
    await expect(otherPage.locator('#account-email')).toHaveText(merchant.email);
  });
});

test.describe('new sign-in notice', () => {
  test('a sign-in from a new browser sends the notice; the browser of the first sign-in and a known one do not', async ({
    page,
    otherPage,
    merchant,
    mailbox,
  }) => {
    // The first sign-in ever (the browser the merchant registered in), then the same browser again.
    await logInToHome(page, merchant.email, merchant.password);
    await page.getByRole('button', { name: 'ログアウト' }).click();
    await expect(page).toHaveURL(/loggedOut=1$/);
    await logInToHome(page, merchant.email, merchant.password);
    expect(await mailbox.subjectsTo(merchant.email)).not.toContain(NEW_DEVICE_SUBJECT);

    // Another browser: the notice, with when, which browser, roughly where, and what to do.
    await otherPage.context().setExtraHTTPHeaders({ 'user-agent': FIREFOX_ON_MAC });
    await logInToHome(otherPage, merchant.email, merchant.password);
    const notice = await mailbox.mailWithSubject(merchant.email, NEW_DEVICE_SUBJECT);
    const text = notice.body.text ?? '';
    expect(text).toMatch(/ログイン日時 : \d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2}/);
    expect(text).toContain('ブラウザ / OS : Firefox 128 / macOS Catalina');
    expect(text).toMatch(/IPアドレス : (127\.0\.0\.\*|0:0:0::\*)/);
    expect(text).toContain('「ログイン中の端末」から、お心当たりのない端末をログアウトさせてください。');

    // That browser is known from now on.
    await otherPage.getByRole('button', { name: 'ログアウト' }).click();
    await expect(otherPage).toHaveURL(/loggedOut=1$/);
    await logInToHome(otherPage, merchant.email, merchant.password);
    await logOut(page); // signed in, the login page would lead straight home
    await logInToHome(page, merchant.email, merchant.password);
    expect((await mailbox.subjectsTo(merchant.email)).filter((subject) => subject === NEW_DEVICE_SUBJECT)).toHaveLength(1);
  });
});
