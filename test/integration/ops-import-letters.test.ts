/**
 * `npm run ops -- import` and `letters` as an ops engineer runs them beside a running local stack:
 * a CSV in, printable letters out, and the credentials on the letters open the first login.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { AccountsTable } from '../../lambdas/adapters/dynamodb/accounts-table';
import { startLocalStack, type LocalStack } from '../support/local-stack';
import { scratchDir } from '../support/scratch-dir';
import { REPO, runOps } from './support/ops-cli';
import { SiteClient } from './support/site-client';

// Each test runs the command a few times (a second or more each); the project's testTimeout does not reach here.
jest.setTimeout(60_000);

const scratch = scratchDir('ops-letters-');
const workDir = scratch.dir;
const targetFile = scratch.path('target.json');
let stack: LocalStack;
let accounts: AccountsTable;

beforeAll(async () => {
  stack = await startLocalStack({ port: 3207, mailboxPort: 18207, publishTarget: targetFile, env: { POWERTOOLS_LOG_LEVEL: 'SILENT' } });
  accounts = new AccountsTable(DynamoDBDocumentClient.from(new DynamoDBClient({})), stack.target.tables.accounts);
});
afterAll(async () => {
  await stack?.stop();
  scratch.remove();
});

/**
 * Runs the ops command; audit lines (stderr) on, so the tests can read them. Asynchronously: the
 * site it reads (the letters' contact) is served by this very process.
 */
const ops = (args: string[], env: Record<string, string> = {}) =>
  runOps(args, { LOCAL_TARGET_FILE: targetFile, POWERTOOLS_LOG_LEVEL: 'INFO', ...env });

function csvFile(name: string, content: string | Buffer): string {
  const path = join(workDir, name);
  writeFileSync(path, content);
  return path;
}

const auditLines = (stderr: string) =>
  stderr
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line));

/** Each letter (one A4 page) of the HTML output, as the text a merchant reads and its credentials. */
function lettersIn(html: string) {
  return [...html.matchAll(/<section class="letter"[\s\S]*?<\/section>/g)].map(([section]) => ({
    loginId: section.match(/data-credential="loginId">([^<]+)</)![1]!,
    initialPassword: section.match(/data-credential="initialPassword">([^<]+)</)![1]!.replace(/&amp;/g, '&'),
    text: section
      .replace(/<[^>]+>/g, '')
      .replace(/&amp;/g, '&')
      .replace(/&quot;/g, '"'),
  }));
}

const pdfPages = (pdf: Buffer) => pdf.toString('latin1').match(/\/Type\s*\/Page(?![s\w])/g)?.length ?? 0;

const GOOD_CSV = [
  'ログインID,会社名,ご担当者名,郵便番号,住所',
  'IMP-0001,株式会社サンプル,山田 太郎,150-0043,"東京都渋谷区道玄坂1-2-3',
  'サンプルビル5階"',
  'IMP-0002,"有限会社 ""テスト"", 本店",,〒５３０－０００１,大阪府大阪市北区梅田1-1-1',
  // The longest values a letter takes: still one page.
  `IMP-0003-${'X'.repeat(23)},${'株'.repeat(40)},${'山'.repeat(30)},100-0005,"${'東'.repeat(76)}\n京\n都"`,
  '',
].join('\r\n');

/** Everything import printed: no initial password may be in it. */
const importOutput: string[] = [];
/** The run of the first import, whose letters are printed below. */
let firstRun = '';

describe('import', () => {
  it('writes nothing when any row is bad, and lists every bad row with its line', async () => {
    // Prepare
    const file = csvFile(
      'bad.csv',
      [
        'loginId,companyName,contactName,postalCode,postalAddress',
        'BAD-0001,株式会社A,,150-0043,東京都',
        'BAD-0002,,,15-0043,東京都',
        'BAD-0001,株式会社C,,150-0043,東京都',
        '',
      ].join('\n'),
    );

    // Act
    const run = await ops(['import', file]);

    // Assess
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('nothing imported, 3 problems');
    expect(run.stderr).toContain('line 3: companyName is missing');
    expect(run.stderr).toContain('line 3: postalCode "15-0043" is not a postal code (NNN-NNNN)');
    expect(run.stderr).toContain('line 4: loginId BAD-0001 is also on line 2');
    expect(await accounts.get('BAD-0001')).toBeUndefined();
  });

  it('refuses a file whose login IDs differ only by case, naming both lines, and creates neither', async () => {
    // Prepare
    const file = csvFile(
      'case.csv',
      [
        'loginId,companyName,contactName,postalCode,postalAddress',
        'CASE-0001,株式会社A,,150-0043,東京都',
        'case-0001,株式会社B,,150-0043,東京都',
        '',
      ].join('\n'),
    );

    // Act
    const run = await ops(['import', file]);

    // Assess
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('nothing imported, 1 problem');
    expect(run.stderr).toContain('line 3: loginId "case-0001" (the same ID as "CASE-0001": login IDs ignore case) is also on line 2');
    expect(await accounts.get('CASE-0001')).toBeUndefined();
  });

  it('provisions every row, prints the run and a summary, and never a password', async () => {
    // Act
    const run = await ops(['import', csvFile('good.csv', GOOD_CSV), '--json']);

    // Assess
    expect(run.status).toBe(0);
    const summary = JSON.parse(run.stdout);
    expect(summary).toEqual({
      run: expect.stringMatching(/^import-\d{8}-\d{6}$/),
      file: 'good.csv',
      encoding: 'UTF-8',
      rows: 3,
      created: 3,
      skippedExisting: 0,
      failed: 0,
      createdLoginIds: ['IMP-0001', 'IMP-0002', `IMP-0003-${'X'.repeat(23)}`],
      skippedLoginIds: [],
      failures: [],
    });
    expect(run.stderr).toContain(`import ${summary.run}: 3 rows from good.csv (UTF-8) into local`);
    expect(run.stderr).toMatch(/import: 3\/3 IMP-000\S+ created/);
    const account = await accounts.get('IMP-0001');
    expect(account).toMatchObject({
      status: 'invited',
      letter: {
        companyName: '株式会社サンプル',
        contactName: '山田 太郎',
        postalCode: '150-0043',
        postalAddress: '東京都渋谷区道玄坂1-2-3\nサンプルビル5階',
      },
      pendingLetter: { importRun: summary.run },
    });
    expect((await accounts.get('IMP-0002'))!.letter).toEqual({
      companyName: '有限会社 "テスト", 本店',
      postalCode: '530-0001',
      postalAddress: '大阪府大阪市北区梅田1-1-1',
    });
    expect(auditLines(run.stderr).filter((l) => l.event === 'account.created')).toHaveLength(3);
    expect(auditLines(run.stderr).find((l) => l.event === 'accounts.imported')).toMatchObject({
      importRun: summary.run,
      created: 3,
      failed: 0,
    });
    importOutput.push(run.stdout, run.stderr);
    firstRun = summary.run;
  });

  it('skips and reports the accounts that exist when the same file runs again, and changes none', async () => {
    // Prepare
    const before = await accounts.get('IMP-0001');

    // Act
    const run = await ops(['import', join(workDir, 'good.csv')]);

    // Assess
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('created:          0');
    expect(run.stdout).toContain(`skipped existing: 3  (IMP-0001, IMP-0002, IMP-0003-${'X'.repeat(23)})`);
    expect(run.stdout).toContain('failed:           0');
    expect(await accounts.get('IMP-0001')).toEqual(before);
    importOutput.push(run.stdout, run.stderr);
  });

  it('reads Shift_JIS as Excel saves it', async () => {
    // Act
    const run = await ops(['import', join(REPO, 'test/fixtures/import/shift_jis.csv'), '--json']);

    // Assess
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ encoding: 'Shift_JIS', created: 2 });
    expect((await accounts.get('SJIS-0001'))!.letter).toEqual({
      companyName: '株式会社髙島商店',
      contactName: '渡邊 花子',
      postalCode: '530-0001',
      postalAddress: '大阪府大阪市北区梅田1－2－3\n梅田ビル①号館',
    });
  });

  it('answers --help, and refuses a missing file or a second one', async () => {
    expect((await ops(['import', '--help'])).stdout).toContain('ログインID / 初回ログインID');
    const missing = await ops(['import', join(workDir, 'absent.csv')]);
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain('Cannot read');
    expect((await ops(['import', 'a.csv', 'b.csv'])).status).toBe(2);
  });
});

describe('letters', () => {
  const outDir = join(workDir, 'letters');

  it('prints the letters of an import, one PDF page each, whose credentials open the first login', async () => {
    // Act
    const run = await ops(['letters', '--from-import', firstRun, '--out', outDir, '--json']);

    // Assess
    expect(run.status).toBe(0);
    const result = JSON.parse(run.stdout);
    expect(result).toMatchObject({ produced: ['IMP-0001', 'IMP-0002', `IMP-0003-${'X'.repeat(23)}`], notPending: [], heldBack: [] });
    const letters = lettersIn(readFileSync(result.html, 'utf8'));
    expect(letters.map((l) => l.loginId)).toEqual(result.produced);

    const pdf = readFileSync(result.pdf);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdfPages(pdf)).toBe(3);

    const [first, second] = letters;
    expect(first!.text).toContain('〒150-0043');
    expect(first!.text).toContain('東京都渋谷区道玄坂1-2-3\nサンプルビル5階');
    expect(first!.text).toContain('株式会社サンプル');
    expect(first!.text).toContain('山田 太郎 様');
    expect(first!.text).toContain(`${stack.siteUrl}/`);
    expect(first!.text).toContain('まで（日本時間）');
    for (const step of ['初回ログインはこちら', '2通のメール', 'パスコード', '以降はご登録のメールアドレスでログイン'])
      expect(first!.text).toContain(step);
    // The contact the local site shows (its site settings), as its emails do.
    expect(first!.text).toContain('support@example.com');
    expect(second!.text).toContain('有限会社 "テスト", 本店 御中');

    for (const letter of letters) {
      expect(letter.initialPassword).toMatch(/^\S{14}$/);
      for (const output of importOutput) expect(output).not.toContain(letter.initialPassword);
      expect(run.stderr).not.toContain(letter.initialPassword);
    }
    const answer = await new SiteClient(stack.siteUrl).post('/api/first-login', {
      loginId: first!.loginId,
      initialPassword: first!.initialPassword,
      email: 'imp0001@example.com',
    });
    expect(answer.status).toBe(200);

    const audited = auditLines(run.stderr).filter((l) => l.event === 'letter.produced');
    expect(audited.map((l) => l.loginId)).toEqual(result.produced);
    expect(audited[0]).toMatchObject({ outcome: 'success', importRun: firstRun, operator: expect.any(String) });
  });

  it('produces each letter once: a second run finds nothing and says so', async () => {
    // Prepare
    const files = readdirSync(outDir);

    // Act
    const again = await ops(['letters', '--from-import', firstRun, '--out', outDir]);
    const named = await ops(['letters', 'IMP-0001', 'IMP-0002', '--out', outDir]);

    // Assess
    expect(again.status).toBe(0);
    expect(again.stdout).toContain(`No letters produced (from import ${firstRun}): nothing left to print.`);
    expect(named.status).toBe(1);
    expect(named.stdout).toContain('IMP-0001: no pending letter (already produced, or no such account)');
    expect(named.stdout).toContain('IMP-0002: no pending letter');
    expect(readdirSync(outDir)).toEqual(files);
  });

  it('prints the letter of one account made by create-account with its address', async () => {
    // Prepare
    const created = await ops([
      'create-account',
      'ONE-0001',
      '--company',
      '株式会社ワン',
      '--postal-code',
      '1000005',
      '--postal-address',
      '東京都千代田区丸の内1-1-1\\n丸の内ビル',
      '--json',
    ]);
    expect(created.status).toBe(0);
    expect(JSON.parse(created.stdout).letter).toEqual({
      companyName: '株式会社ワン',
      postalCode: '100-0005',
      postalAddress: '東京都千代田区丸の内1-1-1\n丸の内ビル',
    });

    // Act
    const run = await ops(['letters', 'ONE-0001', '--out', outDir, '--format', 'html', '--json']);

    // Assess
    expect(run.status).toBe(0);
    const result = JSON.parse(run.stdout);
    expect(result.pdf).toBeUndefined();
    const [letter] = lettersIn(readFileSync(result.html, 'utf8'));
    expect(letter!.initialPassword).toBe(JSON.parse(created.stdout).initialPassword);
    expect(letter!.text).toContain('東京都千代田区丸の内1-1-1\n丸の内ビル');
    expect(letter!.text).toContain('株式会社ワン 御中');
  });

  it('refuses every letter of a run while one has no address, naming the command; update-address lets the same run print', async () => {
    // Prepare: an account made without letter fields
    await ops(['create-account', 'ONE-0002']);
    const filesBefore = readdirSync(outDir);

    // Act
    const refused = await ops(['letters', '--since', '2000-01-01', '--out', outDir]);

    // Assess: nothing taken, nothing written
    expect(refused.status).toBe(1);
    expect(refused.stdout).toBe('');
    expect(refused.stderr).toContain(
      'No letters produced: an account has no address to mail its letter to (nothing was taken or written):',
    );
    expect(refused.stderr).toContain(
      '  ONE-0002: missing --company, --postal-code, --postal-address; add it with `update-address ONE-0002 --company "…" --postal-code NNN-NNNN --postal-address "…"`',
    );
    expect(readdirSync(outDir)).toEqual(filesBefore);
    for (const id of ['ONE-0002', 'SJIS-0001', 'SJIS-0002']) expect((await accounts.get(id))?.pendingLetter).toBeDefined();
    expect(auditLines(refused.stderr).filter((line) => line.event === 'letter.produced')).toEqual([]);

    // Act: the address, then the same run
    const updated = await ops([
      'update-address',
      'ONE-0002',
      '--company',
      '株式会社ツー',
      '--contact',
      '鈴木 一郎',
      '--postal-code',
      '〒１００－０００５',
      '--postal-address',
      '東京都千代田区丸の内2-2-2',
      '--json',
    ]);

    // Assess
    expect(updated.status).toBe(0);
    expect(JSON.parse(updated.stdout)).toEqual({
      loginId: 'ONE-0002',
      letter: { companyName: '株式会社ツー', contactName: '鈴木 一郎', postalCode: '100-0005', postalAddress: '東京都千代田区丸の内2-2-2' },
    });
    expect(auditLines(updated.stderr).filter((line) => line.audit === true && line.event !== 'ops.command')).toEqual([
      expect.objectContaining({
        event: 'account.address-updated',
        outcome: 'success',
        loginId: 'ONE-0002',
        fields: 'companyName,contactName,postalCode,postalAddress',
        operator: expect.any(String),
      }),
    ]);
    expect((await accounts.get('ONE-0002'))?.letter?.postalCode).toBe('100-0005');
  });

  it('refuses update-address for an unknown login ID (audited) and without the required fields (usage)', async () => {
    // Act
    const address = ['--company', '株式会社ツー', '--postal-code', '100-0005', '--postal-address', '東京都'];
    const [unknown, partial] = await Promise.all([
      ops(['update-address', 'NONE-0001', ...address]),
      ops(['update-address', 'ONE-0002', '--postal-code', '100-0005']),
    ]);

    // Assess
    expect(unknown.status).toBe(1);
    expect(unknown.stderr).toContain('ops: No account NONE-0001; nothing was changed.');
    expect(auditLines(unknown.stderr)).toContainEqual(
      expect.objectContaining({ event: 'account.address-updated', outcome: 'failure', loginId: 'NONE-0001', reason: 'unknown login ID' }),
    );
    expect(await accounts.get('NONE-0001')).toBeUndefined();
    expect(partial.status).toBe(2);
    expect(partial.stderr).toContain('--company is missing; --postal-address is missing.');
    expect((await accounts.get('ONE-0002'))?.letter?.postalAddress).toBe('東京都千代田区丸の内2-2-2');
  });

  it('keeps the HTML and says so when there is no Chromium to print the PDF (--since: every letter still pending)', async () => {
    // Act
    const run = await ops(['letters', '--since', '2000-01-01', '--out', outDir], { CHROMIUM_PATH: join(workDir, 'no-chromium') });

    // Assess
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('3 letters produced: ONE-0002, SJIS-0001, SJIS-0002');
    expect(run.stdout).toMatch(/No PDF: no Chromium at .*no-chromium/);
    const html = resolve(REPO, run.stdout.match(/HTML: (\S+)/)![1]!);
    const letters = lettersIn(readFileSync(html, 'utf8'));
    expect(letters.map((l) => l.loginId)).toEqual(['ONE-0002', 'SJIS-0001', 'SJIS-0002']);
    expect(letters[1]!.text).toContain('株式会社髙島商店');
    expect(letters[1]!.text).toContain('梅田ビル①号館');
  });

  it('refuses unclear requests before taking anything', async () => {
    // Act
    const [none, two, since, format, badId, help] = await Promise.all([
      ops(['letters']),
      ops(['letters', 'IMP-0001', '--since', '2026-01-01']),
      ops(['letters', '--since', 'yesterday']),
      ops(['letters', '--from-import', 'x', '--format', 'docx']),
      ops(['letters', 'not an id']),
      ops(['letters', '--help']),
    ]);

    // Assess
    expect(none.status).toBe(2);
    expect(two.status).toBe(2);
    expect(since.stderr).toContain('--since "yesterday" is not a date');
    expect(format.stderr).toContain('--format must be pdf, html or both');
    expect(badId.status).toBe(2);
    expect(help.stdout).toContain('Each issued password goes into exactly one letter');
  });
});
