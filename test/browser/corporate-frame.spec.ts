/**
 * The corporate frame around every page: the brand (text, or the stage's logo), the favicon, the
 * footer's © and links from the site settings, the product's own error pages with a way back,
 * the header at phone widths, a focus ring that can be seen, and Japanese line breaks.
 */
import type { Locator, Page } from '@playwright/test';
import { expectNoViolations } from './support/axe';
import { expect, test } from './support/fixtures';
import { logInToHome } from './support/merchant';

/** The local stack's examples (local/site-frame.ts): obviously not real pages. */
const EXAMPLE_LINKS = {
  個人情報保護方針: 'https://www.example.com/privacy/',
  利用規約: 'https://www.example.com/terms/',
  お問い合わせ: 'mailto:support@example.com',
};

const japanYear = () => new Intl.DateTimeFormat('en', { timeZone: 'Asia/Tokyo', year: 'numeric' }).format(new Date());

const footer = (page: Page) => page.locator('footer.site-footer');

test.describe('the frame of the local stack (text brand, example footer links)', () => {
  test('the favicon is linked from the root and answers as an SVG image', async ({ page, request }) => {
    await page.goto('index.html');
    const href = await page.locator('link[rel="icon"]').getAttribute('href');
    expect(href).toBe('/favicon.svg');
    const icon = await request.get(href!);
    expect(icon.status()).toBe(200);
    expect(icon.headers()['content-type']).toBe('image/svg+xml');
    expect(await icon.text()).toContain('<svg');
  });

  test('the footer shows © this year (in Japan) and the company, and the three links', async ({ page }) => {
    await page.goto('index.html');
    await expect(footer(page).locator('.copyright')).toHaveText(`© ${japanYear()} GMOフィナンシャルゲート株式会社`);
    const links = footer(page).getByRole('navigation', { name: '関連リンク' }).getByRole('link');
    await expect(links).toHaveText(Object.keys(EXAMPLE_LINKS));
    for (const [name, href] of Object.entries(EXAMPLE_LINKS)) {
      await expect(footer(page).getByRole('link', { name })).toHaveAttribute('href', href);
    }
    await expect(page.locator('img.brand-logo')).toBeHidden();
    await expect(page.locator('.brand-company')).toBeVisible();
    await expectNoViolations(page, 'login with the footer links');
  });

  test('a missing page at any depth is the styled 404 page in the frame, with a button back to login', async ({ page }) => {
    for (const path of ['no-such-page.html', 'a/b/no-such-page']) {
      const response = await page.goto(path);
      expect(response?.status()).toBe(404);
      await expect(page).toHaveTitle('ページが見つかりません | お客様サポートWEB');
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('ページが見つかりません');
      await expect(page.locator('section.card')).toHaveCSS('background-color', 'rgb(255, 255, 255)');
      // The page script ran from the root too: the settings reached the footer.
      await expect(footer(page).getByRole('link', { name: '利用規約' })).toBeVisible();
      const back = page.getByRole('link', { name: 'ログインページへ戻る' });
      await expect(back).toHaveClass(/button-primary/);
      await expectNoViolations(page, `404 page at /${path}`);
      await back.click();
      await expect(page).toHaveURL(/\/index\.html$/);
      await expect(page.getByLabel('ログインID')).toBeVisible();
    }
  });

  test('a request the site cannot read gets the styled error page, no detail, and a way back', async ({ page }) => {
    const response = await page.goto('%ff');
    expect(response?.status()).toBe(400);
    await expect(page).toHaveTitle('エラーが発生しました | お客様サポートWEB');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('エラーが発生しました');
    await expect(page.locator('main')).not.toContainText(/MALFORMED|Error|at \w+ \(/);
    await expect(page.locator('.site-header')).toBeVisible();
    await expectNoViolations(page, 'error page');
    await page.getByRole('link', { name: 'ログインページへ戻る' }).click();
    await expect(page).toHaveURL(/\/index\.html$/);
  });

  for (const width of [320, 390]) {
    test(`at ${width} px the header's ログアウト lies inside the screen and clear of the brand, even a long one`, async ({
      page,
      merchant,
    }) => {
      await page.setViewportSize({ width, height: 800 });
      await logInToHome(page, merchant.email, merchant.password);
      await expectHeaderFits(page, width);
      await expectNoViolations(page, `home at ${width} px`);

      // A brand name of one long unbreakable word (a stage may set any): it wraps inside its box.
      const settings = await (await page.request.get('/site-settings.json')).json();
      await page.route('**/site-settings.json', (route) =>
        route.fulfill({ json: { ...settings, brandName: 'GMOFinancialGateCorporationCustomerSupport' } }),
      );
      await page.reload();
      await expect(page.locator('.brand-company')).toHaveText('GMOFinancialGateCorporationCustomerSupport');
      await expectHeaderFits(page, width);
    });
  }

  test('the focus ring has 3:1 against what it sits on, on every kind of control', async ({ page, merchant }) => {
    await page.goto('index.html');
    const controls = [
      page.getByLabel('ログインID'),
      page.getByLabel('パスワード', { exact: true }),
      page.getByRole('checkbox', { name: 'パスワードを表示する' }),
      page.getByRole('link', { name: 'パスワードを忘れた方はこちら' }),
      page.getByRole('button', { name: 'ログイン', exact: true }),
      // On the footer's tint.
      footer(page).getByRole('link', { name: '個人情報保護方針' }),
    ];
    for (const control of controls) await expectVisibleFocus(page, control);

    await logInToHome(page, merchant.email, merchant.password);
    await expectVisibleFocus(page, page.getByRole('button', { name: 'ログアウト' }));
    await expectVisibleFocus(page, page.getByRole('link', { name: 'パスワード変更' }));
  });

  test('Japanese text breaks between phrases; what is typed, codes and addresses do not', async ({ page }) => {
    await page.goto('first-login.html');
    const style = (locator: Locator) =>
      locator.evaluate((element) => {
        const computed = getComputedStyle(element);
        return { wordBreak: computed.wordBreak, lineBreak: computed.lineBreak };
      });
    expect(await style(page.locator('main p').first())).toEqual({ wordBreak: 'auto-phrase', lineBreak: 'strict' });
    expect(await style(page.locator('h1'))).toEqual({ wordBreak: 'auto-phrase', lineBreak: 'strict' });
    expect(await style(footer(page).locator('p').first())).toEqual({ wordBreak: 'auto-phrase', lineBreak: 'strict' });
    expect((await style(page.getByRole('textbox', { name: 'メールアドレス' }))).wordBreak).toBe('normal');
    expect((await style(page.locator('a[href^="mailto:"]').first())).wordBreak).toBe('normal');
  });
});

/** ログアウト inside the screen; the brand and each of its lines end before it; nothing scrolls sideways. */
async function expectHeaderFits(page: Page, width: number): Promise<void> {
  const logout = await box(page.getByRole('button', { name: 'ログアウト' }));
  expect(logout.x).toBeGreaterThanOrEqual(0);
  expect(logout.x + logout.width).toBeLessThanOrEqual(width);
  for (const part of ['.brand', '.brand-company', '.brand-name']) {
    const brand = await box(page.locator(`.site-header ${part}`));
    expect(brand.x + brand.width, `${part} ends before the button`).toBeLessThanOrEqual(logout.x);
    const overflows = await page.locator(`.site-header ${part}`).evaluate((element) => element.scrollWidth > element.clientWidth);
    expect(overflows, `${part}'s text stays inside it`).toBe(false);
  }
  expect(await page.evaluate(() => document.documentElement.scrollWidth), 'nothing scrolls sideways').toBeLessThanOrEqual(width);
}

async function box(locator: Locator) {
  const found = await locator.boundingBox();
  expect(found, 'the element is laid out').not.toBeNull();
  return found!;
}

/** Tabs (so :focus-visible applies, as for a keyboard user) until `control` has the focus. */
async function tabTo(page: Page, control: Locator): Promise<void> {
  for (let presses = 0; presses < 40; presses += 1) {
    if (await control.evaluate((element) => element === document.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error('the control was not reached by Tab');
}

/** The focused control's outline, and the first opaque background behind it (the outline is drawn outside the control). */
async function expectVisibleFocus(page: Page, control: Locator): Promise<void> {
  await tabTo(page, control);
  const ring = await control.evaluate((element) => {
    const style = getComputedStyle(element);
    let behind: Element | null = element.parentElement;
    let background = 'rgb(255, 255, 255)';
    for (; behind; behind = behind.parentElement) {
      const colour = getComputedStyle(behind).backgroundColor;
      if (colour !== 'transparent' && !/,\s*0\)$/.test(colour)) {
        background = colour;
        break;
      }
    }
    return { style: style.outlineStyle, width: Number.parseFloat(style.outlineWidth), colour: style.outlineColor, background };
  });
  const name = (await control.getAttribute('id')) ?? (await control.textContent());
  expect(ring.style, `${name}: an outline`).not.toBe('none');
  expect(ring.width, `${name}: outline width`).toBeGreaterThanOrEqual(2);
  expect(contrast(ring.colour, ring.background), `${name}: ${ring.colour} on ${ring.background}`).toBeGreaterThanOrEqual(3);
}

/** WCAG's contrast ratio of two opaque `rgb(…)` colours. */
function contrast(a: string, b: string): number {
  const luminance = (colour: string) => {
    const [r, g, b] = colour
      .match(/\d+(\.\d+)?/g)!
      .slice(0, 3)
      .map(Number)
      .map((v) => v / 255)
      .map((c) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
  };
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (light! + 0.05) / (dark! + 0.05);
}
