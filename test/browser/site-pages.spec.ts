/** What every page owes every merchant: Japanese, strict CSP, labelled fields, the browser notice, phone-sized layout. */
import { expect, test } from './support/fixtures';

const PAGES = ['index.html', 'first-login.html', 'passcode.html#some-token', 'home.html'];

test.describe('every page', () => {
  for (const path of PAGES) {
    test(`${path.replace(/#.*/, '')} is Japanese, served under the CSP, and labels every field`, async ({ page }) => {
      const response = await page.goto(path);
      expect(response?.headers()['content-security-policy']).toContain("default-src 'self'");
      await expect(page.locator('html')).toHaveAttribute('lang', 'ja');
      await expect(page.getByRole('contentinfo')).toContainText('※Internet Explorerには対応していません');

      const unlabelled = await page.locator('input').evaluateAll((inputs) =>
        (inputs as HTMLInputElement[]).filter((input) => !input.labels?.length).map((input) => input.id || input.name),
      );
      expect(unlabelled).toEqual([]);
    });

    test(`${path.replace(/#.*/, '')} fits a phone screen without sideways scrolling`, async ({ page }) => {
      await page.setViewportSize({ width: 360, height: 740 });
      await page.goto(path);
      await page.waitForLoadState('networkidle');
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow).toBeLessThanOrEqual(0);
    });
  }
});
