/**
 * Provisions the checked rows of an import file, a few at a time. An account that already exists
 * is skipped and reported, never touched, so the same file can be run again after a failure.
 * The initial passwords stay sealed in the accounts until `letters`; nothing here sees them.
 */
import { AccountExistsError } from '../../lambdas/domain/errors';
import { japanStamp } from '../../lambdas/domain/japan-time';
import type { NewAccount } from '../../lambdas/domain/use-cases/ops/create-account';
import { mapWithConcurrency } from '../pool';
import type { Progress } from './progress';
import type { ImportRow } from './rows';

/** Accounts provisioned at once: scrypt keeps a core busy per account, DynamoDB does not mind. */
const IMPORT_CONCURRENCY = 4;

export interface ImportDeps {
  exists(loginId: string): Promise<boolean>;
  /** Provisions the account; fails with AccountExistsError when it exists. */
  create(account: NewAccount): Promise<unknown>;
}

export interface ImportResult {
  created: ImportRow[];
  skippedExisting: ImportRow[];
  failed: { row: ImportRow; error: string }[];
}

/** `import-20261127-103000`: the run's time in Japan, also the tag `letters --from-import` selects by. */
export const importRunId = (at: Date): string => `import-${japanStamp(at)}`;

export async function importRows(
  rows: readonly ImportRow[],
  run: string,
  deps: ImportDeps,
  progress: Progress,
  concurrency = IMPORT_CONCURRENCY,
): Promise<ImportResult> {
  const result: ImportResult = { created: [], skippedExisting: [], failed: [] };
  try {
    await mapWithConcurrency(rows, concurrency, async (row) => {
      try {
        if (await deps.exists(row.loginId)) {
          result.skippedExisting.push(row);
          progress.step(row.loginId, 'skipped');
          return;
        }
        await deps.create({ loginId: row.loginId, letter: row.letter, importRun: run });
        result.created.push(row);
        progress.step(row.loginId, 'created');
      } catch (error) {
        // Created by someone else between the look and the write: still not ours to overwrite.
        if (error instanceof AccountExistsError) {
          result.skippedExisting.push(row);
          progress.step(row.loginId, 'skipped');
          return;
        }
        const message = (error as Error).message;
        result.failed.push({ row, error: message });
        progress.step(row.loginId, 'failed', message);
      }
    });
  } finally {
    progress.done();
  }
  const byLine = (a: ImportRow, b: ImportRow) => a.line - b.line;
  result.created.sort(byLine);
  result.skippedExisting.sort(byLine);
  result.failed.sort((a, b) => a.row.line - b.row.line);
  return result;
}
