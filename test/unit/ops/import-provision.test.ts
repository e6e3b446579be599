import { AccountExistsError } from '../../../lambdas/domain/errors';
import type { NewAccount } from '../../../lambdas/domain/use-cases/ops/create-account';
import { importRows, importRunId } from '../../../ops/import/provision';
import type { Progress, RowOutcome } from '../../../ops/import/progress';
import type { ImportRow } from '../../../ops/import/rows';

const row = (n: number): ImportRow => ({
  line: n + 1,
  loginId: `SHOP-${String(n).padStart(4, '0')}`,
  letter: { companyName: `株式会社${n}`, postalCode: '150-0043', postalAddress: '東京都' },
});

function recordingProgress() {
  const steps: [string, RowOutcome, string?][] = [];
  let done = 0;
  const progress: Progress = {
    step: (loginId, outcome, detail) => void steps.push(detail ? [loginId, outcome, detail] : [loginId, outcome]),
    done: () => void (done += 1),
  };
  return { progress, steps, doneCalls: () => done };
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 1));

describe('importRunId', () => {
  it('names the run by its time in Japan', () => {
    expect(importRunId(new Date('2026-11-27T01:30:00Z'))).toBe('import-20261127-103000');
    expect(importRunId(new Date('2026-11-27T15:00:05Z'))).toBe('import-20261128-000005');
  });
});

describe('importRows', () => {
  it('creates every row with its letter and the run, and reports each step', async () => {
    // Prepare
    const created: NewAccount[] = [];
    const { progress, steps, doneCalls } = recordingProgress();

    // Act
    const result = await importRows(
      [row(1), row(2)],
      'import-20261127-103000',
      { exists: async () => false, create: async (a) => void created.push(a) },
      progress,
    );

    // Assess
    expect(created).toEqual(
      expect.arrayContaining([
        { loginId: 'SHOP-0001', letter: row(1).letter, importRun: 'import-20261127-103000' },
        { loginId: 'SHOP-0002', letter: row(2).letter, importRun: 'import-20261127-103000' },
      ]),
    );
    expect(result).toEqual({ created: [row(1), row(2)], skippedExisting: [], failed: [] });
    expect(steps).toEqual(
      expect.arrayContaining([
        ['SHOP-0001', 'created'],
        ['SHOP-0002', 'created'],
      ]),
    );
    expect(doneCalls()).toBe(1);
  });

  it('skips accounts that exist, without touching them', async () => {
    // Prepare
    const create = jest.fn(async () => undefined);
    const { progress, steps } = recordingProgress();

    // Act
    const result = await importRows([row(1), row(2)], 'run', { exists: async (id) => id === 'SHOP-0001', create }, progress);

    // Assess
    expect(create).toHaveBeenCalledTimes(1);
    expect(create).toHaveBeenCalledWith(expect.objectContaining({ loginId: 'SHOP-0002' }));
    expect(result.skippedExisting).toEqual([row(1)]);
    expect(steps).toContainEqual(['SHOP-0001', 'skipped']);
  });

  it('counts an account created by someone else meanwhile as skipped, not failed', async () => {
    // Act
    const result = await importRows(
      [row(1)],
      'run',
      { exists: async () => false, create: async () => Promise.reject(new AccountExistsError('SHOP-0001')) },
      recordingProgress().progress,
    );

    // Assess
    expect(result).toEqual({ created: [], skippedExisting: [row(1)], failed: [] });
  });

  it('goes on after a failed row and reports it with its error', async () => {
    // Prepare
    const { progress, steps } = recordingProgress();
    const create = async (a: NewAccount) => {
      if (a.loginId === 'SHOP-0002') throw new Error('ProvisionedThroughputExceededException');
    };

    // Act
    const result = await importRows([row(1), row(2), row(3)], 'run', { exists: async () => false, create }, progress);

    // Assess
    expect(result.created).toEqual([row(1), row(3)]);
    expect(result.failed).toEqual([{ row: row(2), error: 'ProvisionedThroughputExceededException' }]);
    expect(steps).toContainEqual(['SHOP-0002', 'failed', 'ProvisionedThroughputExceededException']);
  });

  it('provisions a few rows at a time, never more than the bound', async () => {
    // Prepare
    let running = 0;
    let most = 0;
    const create = async () => {
      running += 1;
      most = Math.max(most, running);
      await tick();
      running -= 1;
    };

    // Act
    const result = await importRows(
      Array.from({ length: 20 }, (_, i) => row(i)),
      'run',
      { exists: async () => false, create },
      recordingProgress().progress,
      4,
    );

    // Assess
    expect(result.created).toHaveLength(20);
    expect(most).toBe(4);
  });

  it("lists the outcomes in the file's order whatever order they finished in", async () => {
    // Prepare: the first row takes longest.
    const create = async (a: NewAccount) => {
      if (a.loginId === 'SHOP-0001') await tick();
    };

    // Act
    const result = await importRows([row(1), row(2), row(3)], 'run', { exists: async () => false, create }, recordingProgress().progress);

    // Assess
    expect(result.created.map((r) => r.loginId)).toEqual(['SHOP-0001', 'SHOP-0002', 'SHOP-0003']);
  });
});
