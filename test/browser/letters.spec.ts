/**
 * From ops to merchant: ops imports a CSV of merchants and prints their letters (the ops code
 * itself, against this worker's stack); a merchant opens the letter, reads the initial login ID and
 * password off it, and registers through the pages as the letter's steps say.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { withExtras } from '../../lambdas/composition/root';
import { localProvisioningLogger, opsDeps } from '../../ops/context';
import { provisionLocalAccount } from '../../ops/create-account';
import { progressReporter } from '../../ops/import/progress';
import { importRows, importRunId } from '../../ops/import/provision';
import { checkImportFile } from '../../ops/import/rows';
import { supportContactOf } from '../../ops/letters/contact';
import { renderPdf } from '../../ops/letters/pdf';
import { produceLetters } from '../../ops/letters/produce';
import type { Target } from '../../ops/target';
import { expect, test } from './support/fixtures';
import { GOOD_PASSWORD, logIn, openCompletionUrl, REGISTERED_NOTICE, registerEmail, setPassword } from './support/merchant';

test('a merchant registers with the credentials of a letter made by import and letters', async ({ page, stack, mailbox, email }) => {
  const outDir = mkdtempSync(join(tmpdir(), 'browser-letters-'));
  const suffix = randomBytes(3).toString('hex').toUpperCase();
  const loginIds = [`LTR-${suffix}-1`, `LTR-${suffix}-2`];
  let lettersFile = '';

  try {
    await test.step('ops imports the CSV and prints the letters', async () => {
      const target: Target = { name: 'local', ...stack.target };
      const csv = [
        'ログインID,会社名,ご担当者名,郵便番号,住所',
        `${loginIds[0]},株式会社ブラウザ,画面 太郎,150-0043,"東京都渋谷区道玄坂1-2-3\nブラウザビル5階"`,
        `${loginIds[1]},有限会社テスト,,530-0001,大阪府大阪市北区梅田1-1-1`,
      ].join('\r\n');
      const checked = checkImportFile(Buffer.from(`\ufeff${csv}`, 'utf8'));
      expect(checked.problems).toEqual([]);
      const deps = await opsDeps(target, localProvisioningLogger);
      const run = `${importRunId(new Date())}-${suffix}`;
      const imported = await importRows(
        checked.rows,
        run,
        { exists: async (id) => (await deps.accounts.get(id)) !== undefined, create: (account) => provisionLocalAccount(account, target) },
        progressReporter(checked.rows.length, { isTTY: false, write: () => true }),
      );
      expect(imported.created.map((row) => row.loginId)).toEqual(loginIds);

      const letters = await produceLetters(
        { selection: { fromImport: run }, outDir, format: 'both', siteUrl: stack.siteUrl, contact: await supportContactOf(target) },
        withExtras(deps, { renderPdf }),
      );
      expect(letters.produced).toEqual(loginIds);
      expect(letters.pdf).toBeDefined();
      lettersFile = letters.html!;
    });

    const credentials = await test.step('the merchant reads the letter', async () => {
      await page.goto(pathToFileURL(lettersFile).href);
      const letter = page.locator('section.letter').filter({ hasText: '株式会社ブラウザ' });
      await expect(letter).toHaveCount(1);
      await expect(letter).toContainText('画面 太郎 様');
      await expect(letter).toContainText('〒150-0043');
      await expect(letter.locator('th', { hasText: '初回ログインID' })).toBeVisible();
      await expect(letter.getByText(`${stack.siteUrl}/`)).toBeVisible();
      const loginId = (await letter.locator('[data-credential="loginId"]').innerText()).trim();
      const initialPassword = (await letter.locator('[data-credential="initialPassword"]').innerText()).trim();
      // The spelled-out line under the password says the same, one character at a time.
      const spelled = await letter.locator('tr', { hasText: '初回パスワード' }).locator('.spelled .c').allInnerTexts();
      expect(spelled.join('')).toBe(initialPassword);
      return { loginId, initialPassword };
    });
    expect(credentials.loginId).toBe(loginIds[0]);

    await test.step('初回ログインはこちら → 初回メールアドレス登録 with the letter', async () => {
      await page.goto(`${stack.siteUrl}/`);
      await page.getByRole('link', { name: '初回ログインはこちら' }).click();
      await registerEmail(page, credentials, email);
    });

    const { completionUrl, passcode } = await mailbox.registrationMails(email);

    await test.step('パスコード and 新パスワード, then log in with the email', async () => {
      await openCompletionUrl(page, completionUrl);
      await setPassword(page, { passcode, newPassword: GOOD_PASSWORD });
      await expect(page.getByRole('status')).toHaveText(REGISTERED_NOTICE);
      await logIn(page, email, GOOD_PASSWORD);
      await expect(page).toHaveURL(/home\.html$/);
      await expect(page.locator('#account-login-id')).toHaveText(loginIds[0]!);
    });
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
});
