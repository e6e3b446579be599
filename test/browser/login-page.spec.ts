/** Step Ⅰ of the guide: the login page and what it tells a merchant arriving from elsewhere. */
import { expect, test } from './support/fixtures';
import { REGISTERED_NOTICE } from './support/merchant';

test.describe('ログインページ', () => {
  test('has every control of the guide, each with its label', async ({ page }) => {
    await page.goto('./');
    await expect(page).toHaveTitle('お客様サポートWEB');
    await expect(page.locator('html')).toHaveAttribute('lang', 'ja');
    await expect(page.getByRole('heading', { level: 1, name: 'お客様サポートWEB' })).toBeVisible();
    await expect(page.getByLabel('ログインID', { exact: true })).toBeVisible();
    await expect(page.getByLabel('パスワード', { exact: true })).toHaveAttribute('type', 'password');
    await expect(page.getByLabel('パスワードを表示する')).not.toBeChecked();
    await expect(page.getByRole('link', { name: 'パスワードを忘れた方はこちら' })).toHaveAttribute('href', 'forgot-password.html');
    await expect(page.getByRole('link', { name: '初回ログインはこちら' })).toHaveAttribute('href', 'first-login.html');
    await expect(page.getByRole('button', { name: 'ログイン', exact: true })).toBeVisible();
    await expect(page.getByRole('contentinfo')).toContainText(
      'お客様サポートWEBの動作保証ブラウザはGoogle ChromeまたはMicrosoft Edgeとなります',
    );
    await expect(page.getByRole('contentinfo')).toContainText('※Internet Explorerには対応していません');
  });

  test('パスワードを表示する shows and hides the password', async ({ page }) => {
    await page.goto('./');
    const password = page.getByLabel('パスワード', { exact: true });
    await password.fill('Secret#Value1');
    await page.getByLabel('パスワードを表示する').check();
    await expect(password).toHaveAttribute('type', 'text');
    await expect(password).toHaveValue('Secret#Value1');
    await page.getByLabel('パスワードを表示する').uncheck();
    await expect(password).toHaveAttribute('type', 'password');
  });

  test('初回ログインはこちら leads to 初回メールアドレス登録', async ({ page }) => {
    await page.goto('./');
    await page.getByRole('link', { name: '初回ログインはこちら' }).click();
    await expect(page.getByRole('heading', { name: '初回メールアドレス登録' })).toBeVisible();
  });

  test('asks for both fields before sending anything', async ({ page }) => {
    await page.goto('./');
    await page.getByRole('button', { name: 'ログイン', exact: true }).click();
    await expect(page.getByText('ログインIDを入力してください。')).toBeVisible();
    await expect(page.getByText('パスワードを入力してください。')).toBeVisible();
    await expect(page.getByLabel('ログインID', { exact: true })).toBeFocused();
  });

  test('a wrong email or password gets one message', async ({ page }) => {
    await page.goto('./');
    await page.getByLabel('ログインID', { exact: true }).fill('nobody@example.com');
    await page.getByLabel('パスワード', { exact: true }).fill('Wrong#Password1');
    await page.getByRole('button', { name: 'ログイン', exact: true }).click();
    await expect(page.getByRole('alert')).not.toBeEmpty();
    await expect(page).toHaveURL(/\/(index\.html)?$/);
  });

  for (const [query, notice] of [
    ['registered=1', REGISTERED_NOTICE],
    ['loggedOut=1', 'ログアウトしました。'],
    ['sessionExpired=1', '再度ログインしてください。'],
  ]) {
    test(`?${query} tells the merchant why they are here`, async ({ page }) => {
      await page.goto(`index.html?${query}`);
      await expect(page.getByRole('status')).toContainText(notice);
    });
  }

  test('a network failure or a server fault shows one generic message and no internals', async ({ page }) => {
    const generic = '通信エラーが発生しました。時間をおいて再度お試しください。';
    await page.goto('./');
    await page.getByLabel('ログインID', { exact: true }).fill('merchant@example.com');
    await page.getByLabel('パスワード', { exact: true }).fill('Kx7#mQ2v!Lp9Rz');

    await page.route('**/api/login', (route) => route.abort('connectionrefused'));
    await page.getByRole('button', { name: 'ログイン', exact: true }).click();
    await expect(page.getByRole('alert')).toHaveText(generic);

    await page.unroute('**/api/login');
    await page.route('**/api/login', (route) =>
      route.fulfill({ status: 500, json: { error: { code: 'INTERNAL', message: 'TypeError at handler.ts:42' } } }),
    );
    const answered = page.waitForResponse('**/api/login');
    await page.getByRole('button', { name: 'ログイン', exact: true }).click();
    await answered;
    await expect(page.getByRole('alert')).toHaveText(generic);
    await expect(page.getByLabel('パスワード', { exact: true })).toHaveValue('Kx7#mQ2v!Lp9Rz');
  });
});
