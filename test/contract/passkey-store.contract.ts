import type { PasskeyRecord } from '../../lambdas/domain/model';
import type { FactorStore, PasskeyStore } from '../../lambdas/domain/ports';

/** What every PasskeyStore must do, the fake as PasskeysTable. */
export function describePasskeyStoreContract(name: string, make: () => Promise<PasskeyStore & FactorStore>): void {
  describe(`${name} (PasskeyStore contract)`, () => {
    const passkey = (credentialId: string, loginId = 'M1'): PasskeyRecord => ({
      kind: 'passkey',
      loginId,
      credentialId,
      publicKey: 'pQECAyYgASFYIA',
      counter: 0,
      transports: ['internal'],
      deviceType: 'multiDevice',
      backedUp: true,
      name: 'iPhone',
      addedAt: '2025-04-01T09:00:00.000Z',
    });

    it('never overwrites a stored credential ID, whoever adds it', async () => {
      const store = await make();
      expect(await store.addPasskey(passkey('cred-1'))).toBe(true);
      expect(await store.addPasskey({ ...passkey('cred-1', 'M2'), publicKey: 'other' })).toBe(false);
      expect(await store.getPasskey('cred-1')).toEqual(passkey('cred-1'));
    });

    it('lists the account’s passkeys, also as factors, and reads one by its ID', async () => {
      const store = await make();
      await store.addPasskey(passkey('cred-1'));
      await store.addPasskey(passkey('cred-2', 'M2'));
      expect(await store.passkeysOf('M1')).toEqual([passkey('cred-1')]);
      expect((await store.listOf('M1')).map((f) => f.kind)).toEqual(['passkey']);
      expect(await store.getPasskey('cred-none')).toBeUndefined();
    });

    it('keeps the first user handle of an account, and it is not a factor', async () => {
      const store = await make();
      expect(await store.storedUserHandle('M1')).toBeUndefined();
      expect(await store.userHandle('M1', 'handle-a')).toBe('handle-a');
      expect(await store.userHandle('M1', 'handle-b')).toBe('handle-a');
      expect(await store.storedUserHandle('M1')).toBe('handle-a');
      expect(await store.listOf('M1')).toEqual([]);
    });

    it('records a use, and renames or removes only the owner’s passkey', async () => {
      const store = await make();
      await store.addPasskey(passkey('cred-1'));
      await store.recordPasskeyUse('cred-1', {
        counter: 7,
        deviceType: 'multiDevice',
        backedUp: false,
        lastUsedAt: '2025-04-02T00:00:00.000Z',
      });
      expect(await store.renamePasskey('cred-1', 'M2', 'x')).toBe(false);
      expect(await store.renamePasskey('cred-1', 'M1', '会社のiPhone')).toBe(true);
      expect(await store.getPasskey('cred-1')).toEqual({
        ...passkey('cred-1'),
        counter: 7,
        backedUp: false,
        lastUsedAt: '2025-04-02T00:00:00.000Z',
        name: '会社のiPhone',
      });
      expect(await store.removePasskey('cred-1', 'M2')).toBe(false);
      expect(await store.removePasskey('cred-1', 'M1')).toBe(true);
      expect(await store.removePasskey('cred-1', 'M1')).toBe(false);
      expect(await store.renamePasskey('cred-1', 'M1', 'y')).toBe(false);
      expect(await store.getPasskey('cred-1')).toBeUndefined();
    });
  });
}
