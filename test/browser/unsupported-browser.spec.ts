/**
 * Internet Explorer, or a browser that does not run the pages' scripts, gets the login guide's
 * notice in place of the forms (DESIGN: Users). The notice needs no script: CSS shows it until
 * the page script marks the page as supported.
 */
import type { Browser, Page } from '@playwright/test';
import { expect, test } from './support/fixtures';

const IE11 = 'Mozilla/5.0 (Windows NT 10.0; Trident/7.0; rv:11.0) like Gecko';
const IE10 = 'Mozilla/5.0 (compatible; MSIE 10.0; Windows NT 6.1; Trident/6.0)';

const NOTICE_LINES = [
  'お客様サポートWEBの動作保証ブラウザはGoogle ChromeまたはMicrosoft Edgeとなります',
  '画面が表示されない等ございましたら、お使いのブラウザをご確認ください',
  '※Internet Explorerには対応していません',
];

const PAGES = [
  'index.html',
  'first-login.html',
  'passcode.html#some-token',
  'home.html',
  'forgot-password.html',
  'reset-password.html#some-token',
  'change-password.html',
  'change-email.html',
  'confirm-email.html#some-token',
];

async function expectNoticeInsteadOfForms(page: Page, path: string): Promise<void> {
  await page.goto(path);
  const notice = page.locator('#browser-notice');
  await expect(notice, path).toBeVisible();
  for (const line of NOTICE_LINES) await expect(notice, path).toContainText(line);
  await expect(page.getByRole('contentinfo'), path).toContainText('※Internet Explorerには対応していません');
  expect(await page.locator('form:visible, input:visible, button:visible').count(), `${path}: visible controls`).toBe(0);
  // The page still says where the merchant is.
  await expect(page.getByRole('heading', { level: 1 }), path).toBeVisible();
  expect(page.url(), `${path} stays put`).toContain(path.replace(/#.*/, ''));
}

async function contextPage(browser: Browser, baseURL: string, options: { javaScriptEnabled?: boolean; userAgent?: string }) {
  const context = await browser.newContext({ baseURL, locale: 'ja-JP', ...options });
  return { page: await context.newPage(), close: () => context.close() };
}

test.describe('unsupported browsers', () => {
  test('with JavaScript off, every page shows the notice and no form', async ({ browser, stack }) => {
    const { page, close } = await contextPage(browser, stack.siteUrl, { javaScriptEnabled: false });
    for (const path of PAGES) await expectNoticeInsteadOfForms(page, path);
    await close();
  });

  test('Internet Explorer 11 gets the notice on every page, and no call to the API', async ({ browser, stack }) => {
    const { page, close } = await contextPage(browser, stack.siteUrl, { userAgent: IE11 });
    const apiCalls: string[] = [];
    page.on('request', (request) => {
      if (new URL(request.url()).pathname.startsWith('/api/')) apiCalls.push(request.url());
    });
    for (const path of PAGES) await expectNoticeInsteadOfForms(page, path);
    expect(apiCalls).toEqual([]);
    await close();
  });

  test('Internet Explorer 10 (MSIE) gets the notice too', async ({ browser, stack }) => {
    const { page, close } = await contextPage(browser, stack.siteUrl, { userAgent: IE10 });
    await expectNoticeInsteadOfForms(page, 'index.html');
    await close();
  });

  test('a browser without what the pages need gets the notice', async ({ browser, stack }) => {
    const { page, close } = await contextPage(browser, stack.siteUrl, {});
    // An old browser: no fetch.
    await page.addInitScript(() => {
      // @ts-expect-error removing a standard API on purpose
      delete window.fetch;
    });
    await expectNoticeInsteadOfForms(page, 'index.html');
    await close();
  });

  test('Chrome shows the forms and not the notice', async ({ page }) => {
    for (const path of ['index.html', 'forgot-password.html', 'first-login.html']) {
      await page.goto(path);
      await expect(page.locator('#browser-notice'), path).toBeHidden();
      await expect(page.locator('form'), path).toBeVisible();
    }
    await expect(page.locator('html')).toHaveClass(/\bsupported\b/);
  });
});
