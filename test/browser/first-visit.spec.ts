/**
 * The first visit: the letter's 初回ログインID typed into the login form is pointed to 初回ログイン
 * (judged by its format, the password never sent), and はじめてご利用の方 has a box of its own.
 */
import { LETTER_ID_HINT_MESSAGE } from '../../lambdas/domain/letter-id-hint';
import { expectNoViolations } from './support/axe';
import { expect, test } from './support/fixtures';
import { logIn } from './support/merchant';

const GENERIC_REFUSAL = 'ログインIDまたはパスワードが正しくありません。';

test.describe('はじめてのご利用', () => {
  test('the letter’s ID in the login form gets the hint and the link, and nothing is sent', async ({ page, account }, testInfo) => {
    const loginCalls: string[] = [];
    page.on('request', (request) => request.url().endsWith('/api/login') && loginCalls.push(request.url()));
    await page.goto('./');
    await logIn(page, account.loginId, account.initialPassword);

    const loginId = page.getByLabel('ログインID', { exact: true });
    const error = page.locator('#login-id-error');
    await expect(error).toHaveText(LETTER_ID_HINT_MESSAGE);
    await expect(loginId).toHaveAttribute('aria-invalid', 'true');
    await expect(loginId).toHaveAccessibleDescription(new RegExp(`^${LETTER_ID_HINT_MESSAGE}`));
    await expect(loginId).toBeFocused();
    await expect(page.locator('#form-alert')).toBeEmpty();
    await expect(page.getByLabel('パスワード', { exact: true })).not.toHaveAttribute('aria-invalid', 'true');
    expect(loginCalls, 'the password stays on the page').toEqual([]);

    await expectNoViolations(page, 'login with the letter-ID hint');
    await page.screenshot({ path: testInfo.outputPath('letter-id-hint.png'), fullPage: true });

    await error.getByRole('link', { name: '初回ログインはこちら' }).click();
    await expect(page).toHaveURL(/first-login\.html$/);
    await expect(page.getByRole('heading', { level: 1, name: '初回メールアドレス登録' })).toBeVisible();
  });

  test('an address the page lets through but the server does not gets the same hint from the server', async ({ page }) => {
    await page.goto('./');
    const answered = page.waitForResponse('**/api/login');
    await logIn(page, 'merchant@example.c', 'Wrong#Password1');

    const answer = await answered;
    expect(answer.status()).toBe(400);
    expect(await answer.json()).toMatchObject({ error: { code: 'VALIDATION', fields: { loginId: LETTER_ID_HINT_MESSAGE } } });
    await expect(page.locator('#login-id-error')).toHaveText(LETTER_ID_HINT_MESSAGE);
    await expect(page.locator('#login-id-error').getByRole('link', { name: '初回ログインはこちら' })).toHaveAttribute(
      'href',
      'first-login.html',
    );
    await expect(page.getByLabel('ログインID', { exact: true })).toBeFocused();
  });

  test('an email with a wrong password still gets the one generic message', async ({ page, merchant }) => {
    await page.goto('./');
    await logIn(page, merchant.email, 'Wrong#Password1');
    await expect(page.getByRole('alert')).toHaveText(GENERIC_REFUSAL);
    await expect(page.locator('#login-id-error')).toBeEmpty();
    await expect(page.getByRole('link', { name: '初回ログインはこちら' })).toHaveCount(1);
  });

  test('はじめてご利用の方 is a box of its own, below and apart from the form', async ({ page }, testInfo) => {
    await page.goto('./');
    const box = page.getByRole('region', { name: 'はじめてご利用の方' });
    await expect(box.getByRole('heading', { level: 2, name: 'はじめてご利用の方' })).toBeVisible();
    await expect(box).toContainText('初回ログインIDと初回パスワード');
    await expect(box.getByRole('link', { name: '初回ログインはこちら' })).toHaveAttribute('href', 'first-login.html');
    await expect(box.getByRole('link', { name: '初回ログインはこちら' })).toHaveClass(/\bbutton\b/);

    const form = page.locator('#login-form');
    await expect(form.getByRole('link', { name: 'パスワードを忘れた方はこちら' })).toBeVisible();
    await expect(form.getByRole('link', { name: '初回ログインはこちら' })).toHaveCount(0);
    const formBox = await form.boundingBox();
    const firstVisit = await box.boundingBox();
    expect(firstVisit && formBox && firstVisit.y >= formBox.y + formBox.height, 'below the form').toBe(true);

    // Bordered and tinted: it reads as its own box on the white card.
    const look = await box.evaluate((element) => {
      const style = getComputedStyle(element);
      const card = getComputedStyle(element.closest('.card') as Element);
      return { border: style.borderTopStyle, tinted: style.backgroundColor !== card.backgroundColor };
    });
    expect(look).toEqual({ border: 'solid', tinted: true });
    await page.screenshot({ path: testInfo.outputPath('first-visit-box.png'), fullPage: true });

    await box.getByRole('link', { name: '初回ログインはこちら' }).click();
    await expect(page.getByRole('heading', { level: 1, name: '初回メールアドレス登録' })).toBeVisible();
  });
});
