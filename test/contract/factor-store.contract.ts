import type { FactorRecord } from '../../lambdas/domain/model';
import type { FactorStore } from '../../lambdas/domain/ports';

/**
 * What every FactorStore must do with any kind's records, the fake as FactorsTable. `seed` puts
 * a record under its key the way the kind's own writes do.
 */
export function describeFactorStoreContract(
  name: string,
  make: () => Promise<{ store: FactorStore; seed: (factorKey: string, record: FactorRecord) => Promise<void> }>,
): void {
  describe(`${name} (FactorStore contract)`, () => {
    const record = (loginId: string, kind: FactorRecord['kind']): FactorRecord => ({ loginId, kind, addedAt: '2025-04-01T09:00:00.000Z' });

    it('lists the factors of one account only, and removes them all for ops', async () => {
      // Prepare
      const { store, seed } = await make();
      await seed('M1#authenticator', record('M1', 'authenticator'));
      await seed('M1#recovery-codes', record('M1', 'recovery-codes'));
      await seed('passkey#cred-1', record('M1', 'passkey'));
      await seed('passkey#cred-2', record('M2', 'passkey'));

      // Act
      const listed = await store.listOf('M1');
      const removed = await store.removeAllOf('M1');

      // Assess
      expect(listed.map((r) => r.kind).sort()).toEqual(['authenticator', 'passkey', 'recovery-codes']);
      expect(removed).toBe(3);
      expect(await store.listOf('M1')).toEqual([]);
      expect(await store.listOf('M2')).toEqual([record('M2', 'passkey')]);
      expect(await store.removeAllOf('M-none')).toBe(0);
    });
  });
}
