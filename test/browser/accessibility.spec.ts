/** axe (WCAG 2.1 A/AA) on every screen a merchant meets, including its error and result states. */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures';
import { GOOD_PASSWORD, logIn, openCompletionUrl, registerEmail, setPassword } from './support/merchant';

async function expectNoViolations(page: Page, screen: string): Promise<void> {
  const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const found = violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
  expect(found, `axe on ${screen}`).toEqual([]);
}

test('login, first-login and error states have no axe violations', async ({ page }) => {
  await page.goto('index.html?registered=1');
  await expectNoViolations(page, 'login with notice');
  await page.getByRole('button', { name: 'ログイン' }).click();
  await expectNoViolations(page, 'login with field errors');

  await page.goto('first-login.html');
  await page.getByRole('button', { name: '登録' }).click();
  await expectNoViolations(page, 'first login with field errors');

  await page.goto('passcode.html#not-a-real-token');
  await expect(page.locator('#link-invalid')).toBeVisible();
  await expectNoViolations(page, 'invalid link');
});

test('the registration screens and home have no axe violations', async ({ page, account, email, mailbox }) => {
  await registerEmail(page, account, email);
  await expectNoViolations(page, 'registration accepted');

  const { completionUrl, passcode } = await mailbox.registrationMails(email);
  await openCompletionUrl(page, completionUrl);
  await expectNoViolations(page, 'passcode form');
  await setPassword(page, { passcode, newPassword: 'short' });
  await expectNoViolations(page, 'passcode form with policy errors');

  await setPassword(page, { passcode, newPassword: GOOD_PASSWORD });
  await expect(page).toHaveURL(/registered=1/);
  await logIn(page, email, GOOD_PASSWORD);
  await expect(page.locator('#account-email')).toHaveText(email);
  await expectNoViolations(page, 'home');
});
