/**
 * The support contact and the brand on the pages come from `/site-settings.json` (configuration
 * written at deploy time); the HTML keeps the login guide's values for when it cannot be read.
 */
import { expect, test } from './support/fixtures';

const GUIDE_CONTACT_EMAIL = 'support@gmo-fg.com';
const GUIDE_CONTACT_NAME = 'GMOフィナンシャルゲート株式会社 管理本部 業務課 お客様サポートWEB担当';

interface SiteSettings {
  brandName: string;
  supportContactName: string;
  supportContactEmail: string;
}

test.describe('site settings', () => {
  test('the served settings are what the pages show', async ({ page, stack }) => {
    const response = await fetch(`${stack.siteUrl}/site-settings.json`);
    expect(response.status, '/site-settings.json is served').toBe(200);
    const settings = (await response.json()) as SiteSettings;
    expect(settings.supportContactEmail).toBe('support@example.com');

    await page.goto('first-login.html');
    const contact = page.getByRole('complementary');
    await expect(contact.getByRole('link', { name: settings.supportContactEmail })).toHaveAttribute(
      'href',
      `mailto:${settings.supportContactEmail}`,
    );
    await expect(contact).toContainText(settings.supportContactName);
    await expect(page.locator('.brand-company')).toHaveText(settings.brandName);
  });

  test('every contact on a page follows the settings', async ({ page }) => {
    await page.route('**/site-settings.json', (route) =>
      route.fulfill({
        json: { brandName: 'テストブランド', supportContactName: 'テスト窓口', supportContactEmail: 'help@example.net' },
      }),
    );
    await page.goto('reset-password.html#bm90LWEtcmVhbC10b2tlbi1ub3QtYS1yZWFsLXRva2Vu');
    const invalid = page.locator('#link-invalid');
    await expect(invalid).toBeVisible();
    await expect(invalid.getByRole('link', { name: 'help@example.net' })).toHaveAttribute('href', 'mailto:help@example.net');
    await expect(invalid).toContainText('テスト窓口');
    await expect(invalid).not.toContainText(GUIDE_CONTACT_EMAIL);
    await expect(page.locator('.brand-company')).toHaveText('テストブランド');
  });

  test('without the settings the guide’s contact stays', async ({ page }) => {
    await page.route('**/site-settings.json', (route) => route.abort('connectionrefused'));
    await page.goto('first-login.html');
    const contact = page.getByRole('complementary');
    await expect(contact.getByRole('link', { name: GUIDE_CONTACT_EMAIL })).toHaveAttribute('href', `mailto:${GUIDE_CONTACT_EMAIL}`);
    await expect(contact).toContainText(GUIDE_CONTACT_NAME);
  });

  test('settings are shown as plain text, and an address that is not one is ignored', async ({ page }) => {
    await page.route('**/site-settings.json', (route) =>
      route.fulfill({
        json: { brandName: '<b>x</b>', supportContactName: 42, supportContactEmail: 'javascript:alert(1)' },
      }),
    );
    await page.goto('first-login.html');
    const contact = page.getByRole('complementary');
    await expect(page.locator('.brand-company')).toHaveText('<b>x</b>');
    await expect(contact.getByRole('link', { name: GUIDE_CONTACT_EMAIL })).toHaveAttribute('href', `mailto:${GUIDE_CONTACT_EMAIL}`);
    await expect(contact).toContainText(GUIDE_CONTACT_NAME);
  });
});
