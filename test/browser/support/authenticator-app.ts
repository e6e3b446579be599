/**
 * The merchant's authenticator app, played by the test: the code it would show for the key that
 * 2段階認証の設定 gave, and the set-up on that page as the merchant does it.
 */
import { expect, type Page } from '@playwright/test';
import { appCode } from '../../support/app-code';

/** The app's code for `key` now (`steps` of 30 seconds before or after). */
export const codeOf = appCode;

/** From home to 2段階認証の設定 by its link. */
export async function openTwoStep(page: Page): Promise<void> {
  await page.getByRole('link', { name: '2段階認証の設定' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '2段階認証の設定' })).toBeVisible();
}

/** On 2段階認証の設定, to a confirmed app: the key as the page showed it and the recovery codes it listed. */
export async function setUpApp(page: Page): Promise<{ key: string; codes: string[] }> {
  await page.getByRole('button', { name: '認証アプリを設定する' }).click();
  const key = await keyShown(page);
  // The app's previous code, so a sign-in right after has the current one.
  await page.getByLabel('認証アプリに表示された確認コード(6桁)').fill(await codeOf(key, -1));
  await page.getByRole('button', { name: '設定を完了する' }).click();
  await expect(page.getByRole('status')).toContainText('認証アプリを設定しました。');
  await expect(page.locator('#recovery-codes li')).toHaveCount(10);
  await expect(page.locator('#recovery-status')).toContainText('残り10個');
  return { key, codes: await page.locator('#recovery-codes li').allTextContents() };
}

/** The QR code and the key to type, once the set-up has started. */
export async function keyShown(page: Page): Promise<string> {
  await expect(page.getByRole('img', { name: '認証アプリ設定用のQRコード' })).toBeVisible();
  const key = (await page.locator('#authenticator-key').textContent()) ?? '';
  expect(key).toMatch(/^[A-Z2-7]{4}( [A-Z2-7]{1,4})+$/);
  return key;
}
