/** Signed-in home: who is signed in, the last and the previous login in Japan time, and the ways on. */
import { expect, test } from './support/fixtures';
import { logInToHome } from './support/merchant';

const JAPAN_TIME = /^\d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2}$/;

test.describe('ホーム', () => {
  test('shows the account, this login and the one before', async ({ page, merchant }) => {
    await logInToHome(page, merchant.email, merchant.password);
    await expect(page.locator('#account-login-id')).toHaveText(merchant.loginId);
    const lastLogin = page.locator('#account-last-login');
    const previousLogin = page.locator('#account-previous-login');
    await expect(lastLogin).toHaveText(JAPAN_TIME);
    await expect(previousLogin).toHaveText('なし（初めてのログイン）');
    await expect(page.getByText('前回のログイン日時')).toBeVisible();
    const firstLogin = await lastLogin.innerText();

    // This login is today, in Japan time.
    const today = new Intl.DateTimeFormat('ja-JP', { timeZone: 'Asia/Tokyo', year: 'numeric', month: 'long', day: 'numeric' });
    expect(firstLogin.startsWith(today.format(new Date()))).toBe(true);

    await page.getByRole('button', { name: 'ログアウト' }).click();
    await expect(page.getByRole('status')).toHaveText('ログアウトしました。');
    await logInToHome(page, merchant.email, merchant.password);
    await expect(previousLogin).toHaveText(firstLogin);
    await expect(lastLogin).toHaveText(JAPAN_TIME);
  });

  test('dates are written in Japan time whatever the answer’s zone', async ({ page }) => {
    await page.route('**/api/me', (route) =>
      route.fulfill({
        json: {
          email: 'merchant@example.com',
          loginId: 'M0123456789',
          lastLoginAt: '2026-11-27T10:30:00.000Z',
          previousLoginAt: '2026-01-05T00:05:00+09:00',
        },
      }),
    );
    // No session behind the made-up answer: the idle warning is told there is time left.
    await page.route('**/api/session', (route) =>
      route.fulfill({ json: { signedIn: true, idleMinutes: 30, secondsLeft: 30 * 60, endsBy: 'idle' } }),
    );
    await page.goto('home.html');
    await expect(page.locator('#account-last-login')).toHaveText('2026年11月27日 19:30');
    await expect(page.locator('#account-previous-login')).toHaveText('2026年1月5日 00:05');
    await expect(page.locator('#account-email')).toHaveText('merchant@example.com');
  });

  test('links to パスワード変更 and メールアドレス変更, and has ログアウト', async ({ page, merchant }) => {
    await logInToHome(page, merchant.email, merchant.password);
    await expect(page.getByRole('link', { name: 'パスワード変更' })).toHaveAttribute('href', 'change-password.html');
    await expect(page.getByRole('link', { name: 'メールアドレス変更' })).toHaveAttribute('href', 'change-email.html');
    await expect(page.getByRole('button', { name: 'ログアウト' })).toBeVisible();
  });

  test('?passwordChanged=1 says the password was changed', async ({ page, merchant }) => {
    await logInToHome(page, merchant.email, merchant.password);
    await page.goto('home.html?passwordChanged=1');
    await expect(page.getByRole('status')).toHaveText('パスワードを変更しました。');
  });
});
