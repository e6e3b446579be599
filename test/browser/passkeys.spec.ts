/**
 * パスキー with Chromium's virtual authenticator: a merchant signed in with the password registers
 * a passkey on パスキーの管理, sees it listed, renames it, logs out, signs in with パスキーでログイン
 * without typing anything, and deletes it.
 */
import { expect, test } from './support/fixtures';
import { logInToHome } from './support/merchant';
import { addVirtualAuthenticator } from './support/virtual-authenticator';

test.describe('パスキー', () => {
  test('register, rename, sign in with the passkey alone, delete', async ({ page, merchant }) => {
    await addVirtualAuthenticator(page);
    await logInToHome(page, merchant.email, merchant.password);

    await page.getByRole('link', { name: 'パスキーの管理' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'パスキーの管理' })).toBeVisible();
    await expect(page.getByText('登録済みのパスキーはありません。')).toBeVisible();

    await page.getByRole('button', { name: 'このデバイスにパスキーを登録' }).click();
    // The first factor brings the ten recovery codes, shown once on 2段階認証の設定.
    await expect(page).toHaveURL(/two-step\.html$/);
    await expect(page.locator('#recovery-codes li')).toHaveCount(10);
    await page.reload();
    await expect(page.locator('#recovery-codes li')).toHaveCount(0);
    await page.goto('passkeys.html');
    const item = page.locator('li.passkey');
    await expect(item).toHaveCount(1);
    await expect(item.getByRole('heading')).toHaveText(/^パスキー \(\d{4}\/\d{2}\/\d{2} 登録\)$/);
    await expect(item).toContainText('このデバイスのみのパスキー');

    await item.getByLabel('パスキーの名前').fill('事務所のPC');
    await item.getByRole('button', { name: '名前を変更' }).click();
    await expect(page.getByRole('status')).toHaveText('パスキーの名前を「事務所のPC」に変更しました。');
    await expect(page.locator('li.passkey').getByRole('heading')).toHaveText('事務所のPC');

    await page.getByRole('button', { name: 'ログアウト' }).click();
    await expect(page).toHaveURL(/loggedOut=1/);
    await page.getByRole('button', { name: 'パスキーでログイン' }).click();
    await expect(page).toHaveURL(/home\.html$/);
    await expect(page.locator('#account-email')).toHaveText(merchant.email);

    await page.getByRole('link', { name: 'パスキーの管理' }).click();
    await expect(page.locator('li.passkey')).toContainText('最終利用日時');
    page.once('dialog', (dialog) => void dialog.accept());
    await page.getByRole('button', { name: 'このパスキーを削除' }).click();
    await expect(page.getByRole('status')).toHaveText('パスキー「事務所のPC」を削除しました。');
    await expect(page.getByText('登録済みのパスキーはありません。')).toBeVisible();
  });
});
