/**
 * The frame of a stage that has a logo and sets none of the footer's links (a stack of its own:
 * SITE_BRAND_LOGO and the SITE_ links of local/site-frame.ts, as cdk.json's brandLogo and links).
 */
import type { Locator, Page } from '@playwright/test';
import { expectNoViolations } from './support/axe';
import { expect, test } from './support/fixtures';
import { logInToHome } from './support/merchant';

const japanYear = () => new Intl.DateTimeFormat('en', { timeZone: 'Asia/Tokyo', year: 'numeric' }).format(new Date());

const footer = (page: Page) => page.locator('footer.site-footer');

test.use({
  stackEnv: {
    SITE_BRAND_LOGO: 'test/browser/support/brand-logo.svg',
    SITE_COMPANY_NAME: 'テスト株式会社',
    SITE_PRIVACY_POLICY_URL: '',
    SITE_TERMS_URL: '',
    SITE_CONTACT_URL: '',
  },
});

test.describe('a stage with a logo and no footer links', () => {
  test('the header shows the logo, with the brand name as its text, served by the site itself', async ({ page, request }) => {
    await page.goto('index.html');
    const logo = page.getByRole('img', { name: 'GMOフィナンシャルゲート' });
    await expect(logo).toBeVisible();
    await expect(logo).toHaveAttribute('src', '/brand/logo.svg');
    expect(await logo.evaluate((image: HTMLImageElement) => image.complete && image.naturalWidth > 0), 'the logo loaded').toBe(true);
    await expect(page.locator('.brand-company')).toBeHidden();
    await expect(page.locator('.brand-name')).toHaveText('お客様サポートWEB');
    const served = await request.get('/brand/logo.svg');
    expect(served.status()).toBe(200);
    expect(served.headers()['content-type']).toBe('image/svg+xml');
    expect(served.headers()['content-security-policy']).toContain("default-src 'self'");
    await expectNoViolations(page, 'login with the logo');
  });

  test('the footer leaves out every link the stage does not set, and names its company', async ({ page }) => {
    await page.goto('index.html');
    await expect(footer(page).locator('.copyright')).toHaveText(`© ${japanYear()} テスト株式会社`);
    await expect(footer(page).getByRole('navigation')).toHaveCount(0);
    await expect(footer(page).getByRole('link')).toHaveCount(0);
    await expectNoViolations(page, 'login without footer links');
  });

  test('a logo that does not load gives the text brand back', async ({ page }) => {
    await page.route('**/brand/logo.svg', (route) => route.fulfill({ status: 404, body: '' }));
    await page.goto('index.html');
    await expect(page.locator('.brand-company')).toBeVisible();
    await expect(page.locator('img.brand-logo')).toBeHidden();
  });

  for (const width of [320, 390]) {
    test(`at ${width} px the logo and ログアウト both fit`, async ({ page, merchant }) => {
      await page.setViewportSize({ width, height: 800 });
      await logInToHome(page, merchant.email, merchant.password);
      const logout = await box(page.getByRole('button', { name: 'ログアウト' }));
      const brand = await box(page.locator('.site-header .brand'));
      expect(logout.x + logout.width).toBeLessThanOrEqual(width);
      expect(brand.x + brand.width).toBeLessThanOrEqual(logout.x);
      await expect(page.getByRole('img', { name: 'GMOフィナンシャルゲート' })).toBeVisible();
    });
  }
});

async function box(locator: Locator) {
  const found = await locator.boundingBox();
  expect(found, 'the element is laid out').not.toBeNull();
  return found!;
}
