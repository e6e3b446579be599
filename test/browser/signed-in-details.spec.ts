/**
 * Signed in: the site's address leads straight to home, and home labels this login and the one
 * before (今回 / 前回). Signed out: the login page, quietly.
 */
import { expectNoViolations } from './support/axe';
import { expect, test } from './support/fixtures';
import { EMAIL_CHANGED_SIGNED_OUT, logInToHome, logOut } from './support/merchant';

const JAPAN_TIME = /^\d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2}$/;

test.describe('ログイン中のご利用', () => {
  test('signed in, the site’s address lands on home', async ({ page, merchant }) => {
    await logInToHome(page, merchant.email, merchant.password);
    for (const address of ['./', 'index.html']) {
      await page.goto(address);
      await expect(page).toHaveURL(/\/home\.html$/);
      await expect(page.locator('#account-email')).toHaveText(merchant.email);
    }
  });

  test('signed in, a page that sent the merchant to login with a notice keeps its notice', async ({ page, merchant }) => {
    await logInToHome(page, merchant.email, merchant.password);
    const checks: string[] = [];
    page.on('request', (request) => new URL(request.url()).pathname === '/api/session' && checks.push(request.url()));
    await page.goto('index.html?emailChanged=1');
    await expect(page.getByRole('status')).toHaveText(EMAIL_CHANGED_SIGNED_OUT);
    await page.waitForLoadState('networkidle');
    await expect(page).toHaveURL(/index\.html\?emailChanged=1$/);
    expect(checks, 'no session check overrules the notice').toEqual([]);
  });

  test('signed out, the site’s address shows the login page with no error and nothing in the console', async ({ page, merchant }) => {
    // Any error fails: a script's, or a failed call's (Chromium notes every 4xx answer).
    const consoleErrors: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(`${message.text()} (${message.location().url})`);
    });
    await logInToHome(page, merchant.email, merchant.password);
    await logOut(page);

    const checked = page.waitForResponse('**/api/session');
    await page.goto('./');
    expect((await checked).status()).toBe(200);
    expect(await (await checked).json()).toEqual({ signedIn: false });
    await expect(page.getByRole('heading', { level: 1, name: 'お客様サポートWEB' })).toBeVisible();
    await expect(page).toHaveURL(/\/$/);
    await expect(page.locator('#form-alert')).toBeEmpty();
    await expect(page.locator('#page-status')).toBeEmpty();
    await expect(page.locator('[aria-invalid="true"]')).toHaveCount(0);
    expect(consoleErrors).toEqual([]);
  });

  test('home labels this login 今回 and the one before 前回', async ({ page, merchant }) => {
    const row = (label: string) => page.locator('.account div', { has: page.getByText(label, { exact: true }) }).locator('dd');
    await logInToHome(page, merchant.email, merchant.password);
    await expect(row('今回のログイン日時')).toHaveText(JAPAN_TIME);
    await expect(row('前回のログイン日時')).toHaveText('なし（初めてのログイン）');
    await expectNoViolations(page, 'home on the first login');
    const first = await row('今回のログイン日時').innerText();

    await logOut(page);
    await logInToHome(page, merchant.email, merchant.password);
    await expect(row('前回のログイン日時')).toHaveText(first);
    await expect(row('今回のログイン日時')).toHaveText(JAPAN_TIME);
    await expectNoViolations(page, 'home with a previous login');
  });
});
