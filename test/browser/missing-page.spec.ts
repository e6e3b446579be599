/** A merchant who follows a wrong link sees the product's own 404 page, styled, with a way back to login. */
import { expect, test } from './support/fixtures';

test.describe('a missing page', () => {
  for (const path of ['no-such-page.html', 'old-link']) {
    test(`/${path} shows the styled 404 page with a link back to login`, async ({ page }) => {
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(error.message));
      page.on('console', (message) => message.type() === 'error' && !/404/.test(message.text()) && errors.push(message.text()));

      const response = await page.goto(path);

      expect(response?.status()).toBe(404);
      await expect(page).toHaveTitle('ページが見つかりません | お客様サポートWEB');
      await expect(page.getByRole('heading', { level: 1, name: 'ページが見つかりません' })).toBeVisible();
      // Styled: the site's stylesheet applied.
      await expect(page.locator('section.card')).not.toHaveCSS('background-color', 'rgba(0, 0, 0, 0)');
      await expect(page.locator('.site-header')).toBeVisible();

      await page.getByRole('link', { name: 'ログインページへ戻る' }).click();
      await expect(page).toHaveURL(/\/index\.html$/);
      await expect(page.getByLabel('ログインID')).toBeVisible();
      expect(errors).toEqual([]);
    });
  }
});
