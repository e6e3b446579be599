import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { InputError, parseCommand, UsageError } from '../arguments';
import { opsDeps } from '../context';
import { provisionAccount } from '../create-account';
import { importRows, importRunId } from '../import/provision';
import { progressReporter } from '../import/progress';
import { checkImportFile, COLUMN_NAMES, REQUIRED_COLUMNS, type Column } from '../import/rows';
import { resolveTarget } from '../target';

export const IMPORT_USAGE =
  'import <file.csv>                Provision the accounts of a CSV file (letters come from `letters --from-import`).';

const HELP = `Usage: npm run --silent ops -- import <file.csv> [--stage <name>] [--json]

Provisions one account per row of a CSV file. Every row is checked first (login ID, duplicates in
the file, required fields, postal code): if any is wrong, every bad row is listed with its line
number and nothing is written. Accounts that already exist are skipped and reported, never
changed, so running the same file again is safe. The run's id (import-YYYYMMDD-HHMMSS) is printed
and kept with each account: \`letters --from-import <run>\` prints their letters. The initial
passwords are never shown here; they only appear in the letters.

The file: a header row, then one row per account; UTF-8 (with or without BOM) or Shift_JIS (Excel's
"CSV (comma delimited)"); values with commas, quotes or line breaks in "…" ("" for a quote).
Columns (English or Japanese header names, any order):
${(Object.keys(COLUMN_NAMES) as Column[])
  .map((column) => `  ${COLUMN_NAMES[column].join(' / ').padEnd(34)}${REQUIRED_COLUMNS.includes(column) ? 'required' : 'optional'}`)
  .join('\n')}
Postal codes as 123-4567 (〒, full-width digits and 1234567 are accepted); an address may have up
to 3 lines.

  ログインID,会社名,ご担当者名,郵便番号,住所
  SHOP-0001,株式会社サンプル,山田 太郎,150-0043,"東京都渋谷区道玄坂1-2-3
  サンプルビル5階"

Options:
  --stage <name>   A deployed stage instead of the local stack.
  --json           Print the summary as one JSON object.
`;

export async function importCommand(args: string[]): Promise<string> {
  const { values, positionals } = parseCommand(args);
  if (values.help) return HELP.trimEnd();
  const [file, ...rest] = positionals;
  if (!file || rest.length > 0) throw new UsageError('import takes exactly one CSV file.');

  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    throw new InputError(`Cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  const checked = checkImportFile(bytes);
  if (checked.problems.length > 0) {
    const lines = checked.problems.map((problem) => `  line ${problem.line}: ${problem.message}`);
    throw new InputError(
      `${file} (${checked.encoding}): nothing imported, ${checked.problems.length} problem${checked.problems.length > 1 ? 's' : ''}:\n${lines.join('\n')}`,
    );
  }

  const target = await resolveTarget(values.stage);
  const deps = await opsDeps(target);
  const run = importRunId(deps.clock.now());
  process.stderr.write(`import ${run}: ${checked.rows.length} rows from ${basename(file)} (${checked.encoding}) into ${target.name}\n`);
  const result = await importRows(
    checked.rows,
    run,
    {
      exists: async (loginId) => (await deps.accounts.get(loginId)) !== undefined,
      // The returned initial password is dropped here: it waits sealed in the account for its letter.
      create: async (account) => void (await provisionAccount(account, target)),
    },
    progressReporter(checked.rows.length),
  );
  if (result.failed.length > 0) process.exitCode = 1;
  deps.audit.record({
    event: 'accounts.imported',
    outcome: result.failed.length > 0 ? 'failure' : 'success',
    importRun: run,
    file: basename(file),
    created: result.created.length,
    skippedExisting: result.skippedExisting.length,
    failed: result.failed.length,
  });

  const summary = {
    run,
    file: basename(file),
    encoding: checked.encoding,
    rows: checked.rows.length,
    created: result.created.length,
    skippedExisting: result.skippedExisting.length,
    failed: result.failed.length,
    createdLoginIds: result.created.map((row) => row.loginId),
    skippedLoginIds: result.skippedExisting.map((row) => row.loginId),
    failures: result.failed.map(({ row, error }) => ({ line: row.line, loginId: row.loginId, error })),
  };
  if (values.json) return JSON.stringify(summary);
  return [
    `Import ${run} (${summary.file}, ${summary.encoding}, ${summary.rows} rows):`,
    `  created:          ${summary.created}`,
    `  skipped existing: ${summary.skippedExisting}${summary.skippedExisting ? `  (${listed(summary.skippedLoginIds)})` : ''}`,
    `  failed:           ${summary.failed}`,
    ...summary.failures.map((f) => `    line ${f.line} ${f.loginId}: ${f.error}`),
    ...(summary.failed ? ['Run the same file again to retry the failed rows (the others are skipped).'] : []),
    ...(summary.created ? [`Letters: npm run --silent ops -- letters --from-import ${run}`] : []),
  ].join('\n');
}

const listed = (ids: string[]) => (ids.length > 10 ? `${ids.slice(0, 10).join(', ')}, … ${ids.length - 10} more` : ids.join(', '));
