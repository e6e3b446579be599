/**
 * Messages look like what they are: success, information, warning and error each have their
 * own colour and icon (drawn in CSS, decorative: the text says it), a session that ran out is a
 * warning, ログアウト is information, a notice after a redirect is announced, and the words after
 * an email change say what became of the session.
 */
import { expectNoViolations } from './support/axe';
import { expect, freshEmail, test } from './support/fixtures';
import {
  EMAIL_CHANGED_SIGNED_IN,
  EMAIL_CHANGED_SIGNED_OUT,
  expectSignedOut,
  logIn,
  logInToHome,
  logOut,
  openLink,
} from './support/merchant';
import type { Locator, Page } from '@playwright/test';

interface Look {
  color: string;
  background: string;
  icon: string;
  iconWidth: number;
  contrast: number;
}

/** The message's colours, its icon's shape (the ::before box) and the text's contrast on its background. */
async function lookOf(message: Locator): Promise<Look> {
  return message.evaluate((element) => {
    const style = getComputedStyle(element);
    const icon = getComputedStyle(element, '::before');
    const tick = getComputedStyle(element, '::after');
    const rgb = (colour: string) => (colour.match(/\d+(\.\d+)?/g) ?? []).slice(0, 3).map(Number);
    const luminance = (colour: string) => {
      const [r, g, b] = rgb(colour).map((v) => {
        const c = v / 255;
        return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
      });
      return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
    };
    const [light, dark] = [luminance(style.color), luminance(style.backgroundColor)].sort((a, b) => b - a);
    return {
      color: style.color,
      background: style.backgroundColor,
      icon: [icon.content, icon.clipPath, icon.borderRadius, icon.backgroundImage, icon.backgroundColor, tick.content].join(' | '),
      iconWidth: Number.parseFloat(icon.width),
      contrast: (light! + 0.05) / (dark! + 0.05),
    };
  });
}

/** Records, from the first moment, whether the status region was there and empty at load, and what it said later. */
async function watchStatusRegion(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const seen = { atLoad: 'missing', role: '', later: '' };
    (window as unknown as { statusSeen: typeof seen }).statusSeen = seen;
    document.addEventListener('DOMContentLoaded', () => {
      const region = document.getElementById('page-status');
      if (!region) return;
      seen.atLoad = region.textContent ?? '';
      seen.role = region.getAttribute('role') ?? '';
      new MutationObserver(() => {
        seen.later = region.textContent ?? '';
      }).observe(region, { childList: true, characterData: true, subtree: true });
    });
  });
}

const statusSeen = (page: Page) => page.evaluate(() => (window as unknown as { statusSeen: unknown }).statusSeen);

test.describe('messages', () => {
  test('success, information, warning and error each look their own, with enough contrast', async ({ page }) => {
    const status = page.getByRole('status');
    const looks: Record<string, Look> = {};

    await page.goto('index.html?registered=1');
    await expect(status).toHaveClass(/notice-success/);
    looks.success = await lookOf(status);
    await expectNoViolations(page, 'success notice');

    await page.goto('index.html?loggedOut=1');
    await expect(status).toHaveText('ログアウトしました。');
    await expect(status).toHaveClass(/notice-info/);
    looks.info = await lookOf(status);
    await expectNoViolations(page, 'information notice');

    await page.goto('index.html?sessionExpired=1');
    await expect(status).toHaveClass(/notice-warning/);
    looks.warning = await lookOf(status);
    await expectNoViolations(page, 'warning notice');

    await page.goto('./');
    await logIn(page, freshEmail('nobody'), 'Wrong#Pass-1234');
    const alert = page.getByRole('alert');
    await expect(alert).not.toBeEmpty();
    looks.error = await lookOf(alert);
    await expectNoViolations(page, 'error alert');

    const kinds = Object.keys(looks);
    for (const kind of kinds) {
      expect(looks[kind]!.contrast, `${kind}: text contrast`).toBeGreaterThanOrEqual(4.5);
      expect(looks[kind]!.iconWidth, `${kind}: an icon`).toBeGreaterThan(10);
      // Decorative: the icon adds no text of its own.
      expect(looks[kind]!.icon.startsWith('""'), `${kind}: icon without text`).toBe(true);
    }
    for (const part of ['color', 'background', 'icon'] as const) {
      const values = new Set(kinds.map((kind) => looks[kind]![part]));
      expect(values.size, `each kind its own ${part}: ${JSON.stringify(looks)}`).toBe(kinds.length);
    }
  });

  test('a session that ran out is a warning, not a success', async ({ page, merchant }) => {
    await logInToHome(page, merchant.email, merchant.password);
    await page.context().clearCookies();
    await expectSignedOut(page);
    await expect(page.getByRole('status')).toHaveClass(/notice-warning/);
    await expect(page.getByRole('status')).not.toHaveClass(/notice-success/);
    await expectNoViolations(page, 'session ended');
  });

  test('after ログアウト the login page says ログアウトしました (information), announced after load', async ({ page, merchant }) => {
    await logInToHome(page, merchant.email, merchant.password);
    await watchStatusRegion(page);
    await logOut(page);
    const status = page.getByRole('status');
    await expect(status).toHaveText('ログアウトしました。');
    await expect(status).toHaveClass(/notice-info/);
    expect(await statusSeen(page)).toEqual({ atLoad: '', role: 'status', later: 'ログアウトしました。' });
    await expectNoViolations(page, 'logged out');
  });

  test('a notice after a redirect is announced: the live region is there at load and is filled a moment later', async ({ page }) => {
    await watchStatusRegion(page);
    for (const [query, page_] of [
      ['registered=1', 'index.html'],
      ['passwordReset=1', 'index.html'],
      ['sessionExpired=1', 'index.html'],
    ] as const) {
      await page.goto(`${page_}?${query}`);
      await expect(page.getByRole('status')).not.toBeEmpty();
      const seen = (await statusSeen(page)) as { atLoad: string; role: string; later: string };
      expect(seen.atLoad, query).toBe('');
      expect(seen.role, query).toBe('status');
      expect(seen.later, query).toBe(await page.getByRole('status').innerText());
    }
  });

  test('the words after an email change agree with the session: no session here → login; signed in → home, still signed in', async ({
    page,
    otherPage,
    merchant,
    mailbox,
  }) => {
    await logInToHome(page, merchant.email, merchant.password);
    const firstEmail = freshEmail('changed-once');

    await test.step('completed in a browser without a session: the login page, and the session elsewhere goes on', async () => {
      await page.goto('change-email.html');
      await page.getByLabel('新しいメールアドレス', { exact: true }).fill(firstEmail);
      await page.getByLabel('現在のパスワード', { exact: true }).fill(merchant.password);
      await page.getByRole('button', { name: '送信' }).click();
      await expect(page.locator('#change-accepted')).toBeVisible();
      await expect(page.locator('#change-accepted')).toHaveClass(/result-info/);
      await expectNoViolations(page, 'email change accepted (information)');
      const mails = await mailbox.requestMails('emailChange', firstEmail);

      await openLink(otherPage, mails.completionUrl, 'メールアドレス変更');
      await otherPage.getByLabel('パスコード', { exact: true }).fill(mails.passcode);
      await otherPage.getByRole('button', { name: '設定' }).click();
      await expect(otherPage).toHaveURL(/index\.html\?emailChanged=1$/);
      await expect(otherPage.getByRole('status')).toHaveText(EMAIL_CHANGED_SIGNED_OUT);
      await expect(otherPage.getByRole('status')).toHaveClass(/notice-success/);
      await expectNoViolations(otherPage, 'email changed, signed out here');

      // "ほかの端末でのログインは、そのまま続きます": the first browser is still signed in.
      await page.goto('home.html');
      await expect(page.locator('#account-email')).toHaveText(firstEmail);
    });

    await test.step('completed in the signed-in browser: home, and it says the session goes on', async () => {
      const secondEmail = freshEmail('changed-twice');
      await page.goto('change-email.html');
      await page.getByLabel('新しいメールアドレス', { exact: true }).fill(secondEmail);
      await page.getByLabel('現在のパスワード', { exact: true }).fill(merchant.password);
      await page.getByRole('button', { name: '送信' }).click();
      await expect(page.locator('#change-accepted')).toBeVisible();
      const mails = await mailbox.requestMails('emailChange', secondEmail);

      await openLink(page, mails.completionUrl, 'メールアドレス変更');
      await page.getByLabel('パスコード', { exact: true }).fill(mails.passcode);
      await page.getByRole('button', { name: '設定' }).click();
      await expect(page).toHaveURL(/home\.html\?emailChanged=1$/);
      await expect(page.getByRole('status')).toHaveText(EMAIL_CHANGED_SIGNED_IN);
      await expect(page.getByRole('status')).not.toContainText('ログインしてください');
      await expect(page.locator('#account-email')).toHaveText(secondEmail);
      await expectNoViolations(page, 'email changed, signed in here');
    });
  });
});
