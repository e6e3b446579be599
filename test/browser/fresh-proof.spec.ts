/**
 * 本人確認 before a change of the second factor: a merchant who signed in more than 5 minutes
 * ago (the stack's sessions moved back in time) is asked for the password in a dialog. A wrong
 * one is refused there and changes nothing; the right one lets the change go through.
 */
import type { Page } from '@playwright/test';
import { FRESH_PROOF_MINUTES } from '../../lambdas/domain/fresh-proof';
import { keyShown, openTwoStep, setUpApp, codeOf } from './support/authenticator-app';
import { expect, test } from './support/fixtures';
import { logInToHome } from './support/merchant';
import { addVirtualAuthenticator } from './support/virtual-authenticator';

const WRONG_PASSWORD = 'Wr0ng#Password-1';

const proofDialog = (page: Page) => page.getByRole('dialog', { name: '本人確認' });

async function provePassword(page: Page, password: string): Promise<void> {
  const dialog = proofDialog(page);
  await expect(dialog).toContainText('この操作を続けるには、本人確認のため、パスワードを入力してください。');
  await dialog.getByLabel('パスワード', { exact: true }).fill(password);
  await dialog.getByRole('button', { name: '確認', exact: true }).click();
}

/** A wrong password: refused in the dialog, which stays open with the field emptied. */
async function proveWrongPassword(page: Page): Promise<void> {
  await provePassword(page, WRONG_PASSWORD);
  const dialog = proofDialog(page);
  await expect(dialog.getByRole('alert')).toHaveText('現在のパスワードが正しくありません。');
  await expect(dialog.getByLabel('パスワード', { exact: true })).toHaveValue('');
}

test.describe('本人確認(パスワードの再入力)', () => {
  test('setting up the app after a while asks the password; a wrong one sets up nothing', async ({ page, stack, merchant }) => {
    await logInToHome(page, merchant.email, merchant.password);
    await openTwoStep(page);
    await stack.ageSessions(FRESH_PROOF_MINUTES + 1);

    await page.getByRole('button', { name: '認証アプリを設定する' }).click();
    await proveWrongPassword(page);
    await proofDialog(page).getByRole('button', { name: 'キャンセル' }).click();
    await expect(proofDialog(page)).toHaveCount(0);
    await expect(page.locator('#form-alert')).toHaveText('この操作を続けるには、本人確認のため、もう一度パスワードを入力してください。');
    await expect(page.locator('#enrolment')).toBeHidden();
    await page.reload();
    await expect(page.locator('#authenticator-status')).toHaveText('設定されていません。');

    await page.getByRole('button', { name: '認証アプリを設定する' }).click();
    await provePassword(page, merchant.password);
    await expect(proofDialog(page)).toHaveCount(0);
    const key = await keyShown(page);
    await page.getByLabel('認証アプリに表示された確認コード(6桁)').fill(await codeOf(key));
    await page.getByRole('button', { name: '設定を完了する' }).click();
    await expect(page.getByRole('status')).toContainText('認証アプリを設定しました。');
    await expect(page.locator('#authenticator-status')).toContainText('設定済み');
  });

  test('removing the app after a while asks the password; a wrong one keeps it', async ({ page, stack, merchant }) => {
    await logInToHome(page, merchant.email, merchant.password);
    await openTwoStep(page);
    await setUpApp(page);
    await stack.ageSessions(FRESH_PROOF_MINUTES + 1);

    await page.getByRole('button', { name: '認証アプリを削除する' }).click();
    await proveWrongPassword(page);
    await proofDialog(page).getByRole('button', { name: 'キャンセル' }).click();
    await page.reload();
    await expect(page.locator('#authenticator-status')).toContainText('設定済み');

    await page.getByRole('button', { name: '認証アプリを削除する' }).click();
    await provePassword(page, merchant.password);
    await expect(page.getByRole('status')).toHaveText('認証アプリを削除しました。');
    await expect(page.locator('#authenticator-status')).toHaveText('設定されていません。');
    // Proved just now: the next change within the 5 minutes asks nothing.
    await page.getByRole('button', { name: '認証アプリを設定する' }).click();
    await keyShown(page);
    await expect(proofDialog(page)).toHaveCount(0);
  });

  test('adding and removing a passkey after a while asks the password each time', async ({ page, stack, merchant }) => {
    await addVirtualAuthenticator(page);
    await logInToHome(page, merchant.email, merchant.password);
    await page.getByRole('link', { name: 'パスキーの管理' }).click();
    await stack.ageSessions(FRESH_PROOF_MINUTES + 1);

    await page.getByRole('button', { name: 'このデバイスにパスキーを登録' }).click();
    await proveWrongPassword(page);
    await provePassword(page, merchant.password);
    // The first factor: its recovery codes are shown on 2段階認証の設定.
    await expect(page).toHaveURL(/two-step\.html$/);
    await expect(page.locator('#recovery-codes li')).toHaveCount(10);

    await page.goto('passkeys.html');
    await expect(page.locator('li.passkey')).toHaveCount(1);
    await stack.ageSessions(FRESH_PROOF_MINUTES + 1);
    page.once('dialog', (dialog) => void dialog.accept());
    await page.getByRole('button', { name: 'このパスキーを削除' }).click();
    await proveWrongPassword(page);
    await proofDialog(page).getByRole('button', { name: 'キャンセル' }).click();
    await page.reload();
    await expect(page.locator('li.passkey')).toHaveCount(1);

    page.once('dialog', (dialog) => void dialog.accept());
    await page.getByRole('button', { name: 'このパスキーを削除' }).click();
    await provePassword(page, merchant.password);
    await expect(page.getByRole('status')).toHaveText(/^パスキー「.+」を削除しました。$/);
    await expect(page.getByText('登録済みのパスキーはありません。')).toBeVisible();
  });
});
