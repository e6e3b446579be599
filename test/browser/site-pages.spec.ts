/** What every page owes every merchant: Japanese, strict CSP, labelled fields, the browser notice, phone-sized layout. */
import type { Page } from '@playwright/test';
import type { LocalStack } from '../support/local-stack';
import { expect, test } from './support/fixtures';
import type { Mailbox } from './support/mailbox';
import { logInToHome } from './support/merchant';
import { registerMerchant } from './support/registered-merchant';

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
  'passkeys.html',
  'sessions.html',
];

/** Pages that need a session; without one they go to login, so the checks sign in first. */
const SIGNED_IN_PAGES = new Set(['home.html', 'change-password.html', 'change-email.html', 'passkeys.html', 'sessions.html']);

test.describe('every page', () => {
  for (const path of PAGES) {
    const signInFirst = async ({ page, stack, mailbox, email }: { page: Page; stack: LocalStack; mailbox: Mailbox; email: string }) => {
      if (!SIGNED_IN_PAGES.has(path)) return;
      const merchant = await registerMerchant(stack, mailbox, email);
      await logInToHome(page, merchant.email, merchant.password);
    };

    test(`${path.replace(/#.*/, '')} is Japanese, served under the CSP, and labels every field`, async ({
      page,
      stack,
      mailbox,
      email,
    }) => {
      await signInFirst({ page, stack, mailbox, email });
      const response = await page.goto(path);
      expect(response?.headers()['content-security-policy']).toContain("default-src 'self'");
      await expect(page.locator('html')).toHaveAttribute('lang', 'ja');
      await expect(page.getByRole('contentinfo')).toContainText('※Internet Explorerには対応していません');

      const unlabelled = await page
        .locator('input')
        .evaluateAll((inputs) =>
          (inputs as HTMLInputElement[]).filter((input) => !input.labels?.length).map((input) => input.id || input.name),
        );
      expect(unlabelled).toEqual([]);
    });

    test(`${path.replace(/#.*/, '')} fits a phone screen without sideways scrolling`, async ({ page, stack, mailbox, email }) => {
      await signInFirst({ page, stack, mailbox, email });
      await page.setViewportSize({ width: 360, height: 740 });
      await page.goto(path);
      await page.waitForLoadState('networkidle');
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow).toBeLessThanOrEqual(0);
    });
  }

  test('no page has inline script or style (the CSP forbids them)', async ({ stack }) => {
    for (const path of PAGES) {
      const html = await (await fetch(`${stack.siteUrl}/${path.replace(/#.*/, '')}`)).text();
      expect(html, path).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/i);
      expect(html, path).not.toMatch(/<style\b|\sstyle=|\son[a-z]+=/i);
      expect(html, path).not.toContain('include:');
    }
  });
});
