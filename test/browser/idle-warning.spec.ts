/**
 * The warning before the idle end, on a stack whose sessions end after 1 idle minute (the server
 * judges real time, so the tests wait for it): the page warns at half the limit, 「ログインを続ける」
 * (or Esc) extends the session on the server, and a page left alone lands on the login page
 * with the notice that says why.
 */
import type { Page } from '@playwright/test';
import { expectNoViolations } from './support/axe';
import { expect, test } from './support/fixtures';
import { logInToHome } from './support/merchant';

const IDLE_MINUTES = 1;
const LIMIT_MS = IDLE_MINUTES * 60_000;
/** With a limit under 4 minutes the warning comes at half of it. */
const WARNING_MS = LIMIT_MS / 2;
const TITLE = 'まもなく自動的にログアウトされます';

test.use({ stackEnv: { SESSION_IDLE_MINUTES: String(IDLE_MINUTES) } });
test.setTimeout(90_000);

const warning = (page: Page) => page.getByRole('alertdialog', { name: TITLE });

/** Whether the server still holds this page's session, by a look that does not extend it. */
const signedIn = (page: Page) =>
  page.evaluate(() => fetch('/api/session', { cache: 'no-store' }).then(async (r) => ((await r.json()) as { signedIn: boolean }).signedIn));
/** What a signed-in API answers this page. */
const accountStatus = (page: Page) => page.evaluate(() => fetch('/api/me', { cache: 'no-store' }).then((r) => r.status));
const secondsLeft = (page: Page) =>
  page.evaluate(() =>
    fetch('/api/session', { cache: 'no-store' }).then(async (r) => ((await r.json()) as { secondsLeft: number }).secondsLeft),
  );

/** Signed in on home, with focus on a link; when it happened. */
async function signedInAtHome(page: Page, merchant: { email: string; password: string }): Promise<number> {
  await logInToHome(page, merchant.email, merchant.password);
  const signedInAt = Date.now();
  await page.getByRole('link', { name: 'パスワード変更' }).focus();
  return signedInAt;
}

/** Waits (in real time) until `ms` after `since`. */
async function waitUntil(page: Page, since: number, ms: number): Promise<void> {
  const left = since + ms - Date.now();
  if (left > 0) await page.waitForTimeout(left);
}

test.describe('the idle warning', () => {
  test('warns before the end; 「ログインを続ける」 and Esc keep the session past the end it had', async ({ page, merchant }) => {
    const signedInAt = await signedInAtHome(page, merchant);

    await test.step('the warning: an alert dialog with focus inside, no axe violations', async () => {
      await expect(warning(page)).toBeHidden();
      await expect(warning(page)).toBeVisible({ timeout: WARNING_MS + 10_000 });
      expect(Date.now() - signedInAt).toBeGreaterThan(WARNING_MS - 5_000);
      await expect(warning(page)).toHaveAccessibleDescription(/あと\d+秒で自動的にログアウトされます。/);
      await expect(warning(page).getByRole('button', { name: 'ログインを続ける' })).toBeFocused();
      await expect(warning(page).getByRole('button', { name: 'ログアウト' })).toBeVisible();
      await expectNoViolations(page, 'the idle warning', '#idle-dialog');
    });

    await test.step('「ログインを続ける」 closes it and gives focus back', async () => {
      await warning(page).getByRole('button', { name: 'ログインを続ける' }).click();
      await expect(warning(page)).toBeHidden();
      await expect(page.getByRole('link', { name: 'パスワード変更' })).toBeFocused();
    });

    await test.step('past the end it had, the session still stands; the next warning comes, and Esc extends too', async () => {
      await expect(warning(page)).toBeVisible({ timeout: WARNING_MS + 10_000 });
      await waitUntil(page, signedInAt, LIMIT_MS + 2_000);
      expect(await signedIn(page)).toBe(true);
      expect(await secondsLeft(page)).toBeLessThan(WARNING_MS / 1000);
      await page.keyboard.press('Escape');
      await expect(warning(page)).toBeHidden();
      expect(await secondsLeft(page)).toBeGreaterThan(LIMIT_MS / 1000 - 5);
      await expect(page).toHaveURL(/home\.html$/);
    });
  });

  test('left alone, the page lands on the login page, which says why', async ({ page, merchant }) => {
    await signedInAtHome(page, merchant);
    await expect(warning(page)).toBeVisible({ timeout: WARNING_MS + 10_000 });

    await expect(page).toHaveURL(/index\.html\?sessionExpired=1$/, { timeout: LIMIT_MS });
    await expect(page.getByRole('status')).toContainText('ログインの有効期限が切れたか、ログインされていません。');
    expect(await signedIn(page)).toBe(false);
    expect(await accountStatus(page)).toBe(401);
  });

  test('「ログアウト」 in the warning logs out', async ({ page, merchant }) => {
    await signedInAtHome(page, merchant);
    await warning(page)
      .getByRole('button', { name: 'ログアウト' })
      .click({ timeout: WARNING_MS + 10_000 });

    await expect(page).toHaveURL(/\?loggedOut=1$/);
    await expect(page.getByRole('status')).toHaveText('ログアウトしました。');
    expect(await signedIn(page)).toBe(false);
    expect(await accountStatus(page)).toBe(401);
  });
});
