import type { FactorRecord } from '../../../lambdas/domain/model';
import type { FactorStore } from '../../../lambdas/domain/ports';

/** The factors table in memory, keyed by `factorKey` like the adapter. */
export class FakeFactorStore implements FactorStore {
  protected readonly items = new Map<string, FactorRecord>();

  /** Puts a record as the adapter would under `factorKey` (for tests that start with factors). */
  seed(factorKey: string, record: FactorRecord): void {
    this.items.set(factorKey, structuredClone(record));
  }

  async listOf(loginId: string): Promise<FactorRecord[]> {
    await Promise.resolve();
    return [...this.items.values()].filter((r) => r.loginId === loginId).map((r) => structuredClone(r));
  }

  async removeAllOf(loginId: string): Promise<number> {
    await Promise.resolve();
    const keys = [...this.items].filter(([, r]) => r.loginId === loginId).map(([key]) => key);
    for (const key of keys) this.items.delete(key);
    return keys.length;
  }
}
