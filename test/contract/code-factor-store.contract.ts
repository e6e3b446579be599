import type { AuthenticatorRecord, RecoveryCodesRecord } from '../../lambdas/domain/model';
import type { CodeFactorStore } from '../../lambdas/domain/ports';

const pending = (sealedSecret: string, loginId = 'M1'): AuthenticatorRecord => ({
  kind: 'authenticator',
  loginId,
  sealedSecret,
  addedAt: '2025-04-01T09:00:00.000Z',
});

const codes = (codeHashes: string[], loginId = 'M1'): RecoveryCodesRecord => ({
  kind: 'recovery-codes',
  loginId,
  codeHashes,
  addedAt: '2025-04-01T09:00:00.000Z',
});

const CONFIRMED_AT = '2025-04-01T09:01:00.000Z';
const USED_AT = '2025-04-01T09:02:00.000Z';

/** The stored set with its hashes in one order: a set keeps none of its own. */
const sorted = (record: RecoveryCodesRecord | undefined) => record && { ...record, codeHashes: [...record.codeHashes].sort() };

/** What every CodeFactorStore must do, the fake as CodeFactorsTable. */
export function describeCodeFactorStoreContract(name: string, makeStore: () => CodeFactorStore | Promise<CodeFactorStore>): void {
  describe(`${name} (CodeFactorStore contract)`, () => {
    let store: CodeFactorStore;

    beforeEach(async () => {
      store = await makeStore();
    });

    describe('the authenticator app', () => {
      it('keeps a pending set-up, replaced by the next one, for that account only', async () => {
        // Act
        const first = await store.putPendingAuthenticator(pending('sealed-a'));
        const second = await store.putPendingAuthenticator(pending('sealed-b'));

        // Assess
        expect([first, second]).toEqual([true, true]);
        expect(await store.authenticatorOf('M1')).toEqual(pending('sealed-b'));
        expect(await store.authenticatorOf('M2')).toBeUndefined();
      });

      it('confirms only the pending set-up it was shown, taking the code’s step', async () => {
        // Prepare
        await store.putPendingAuthenticator(pending('sealed-a'));
        await store.putPendingAuthenticator(pending('sealed-b'));

        // Act
        const replaced = await store.confirmAuthenticator('M1', 'sealed-a', 100, CONFIRMED_AT);
        const current = await store.confirmAuthenticator('M1', 'sealed-b', 100, CONFIRMED_AT);
        const again = await store.confirmAuthenticator('M1', 'sealed-b', 101, USED_AT);

        // Assess
        expect([replaced, current, again]).toEqual([false, true, false]);
        expect(await store.authenticatorOf('M1')).toEqual({
          ...pending('sealed-b'),
          addedAt: CONFIRMED_AT,
          confirmedAt: CONFIRMED_AT,
          lastUsedStep: 100,
        });
        expect(await store.confirmAuthenticator('M2', 'sealed-b', 100, CONFIRMED_AT)).toBe(false);
      });

      it('confirms a set-up once of two parallel confirmations', async () => {
        // Prepare
        await store.putPendingAuthenticator(pending('sealed-a'));

        // Act
        const confirmed = await Promise.all([
          store.confirmAuthenticator('M1', 'sealed-a', 100, CONFIRMED_AT),
          store.confirmAuthenticator('M1', 'sealed-a', 101, USED_AT),
        ]);

        // Assess
        expect(confirmed.filter(Boolean)).toHaveLength(1);
      });

      it('takes no new pending set-up over a confirmed app', async () => {
        // Prepare
        await store.putPendingAuthenticator(pending('sealed-a'));
        await store.confirmAuthenticator('M1', 'sealed-a', 100, CONFIRMED_AT);

        // Act
        const replaced = await store.putPendingAuthenticator(pending('sealed-b'));

        // Assess
        expect(replaced).toBe(false);
        expect(await store.authenticatorOf('M1')).toMatchObject({ sealedSecret: 'sealed-a', confirmedAt: CONFIRMED_AT });
      });

      it('takes only a step later than the last one taken, and records its use', async () => {
        // Prepare
        await store.putPendingAuthenticator(pending('sealed-a'));
        await store.confirmAuthenticator('M1', 'sealed-a', 100, CONFIRMED_AT);

        // Act
        const confirmedStep = await store.takeAuthenticatorStep('M1', 100, USED_AT);
        const earlier = await store.takeAuthenticatorStep('M1', 99, USED_AT);
        const later = await store.takeAuthenticatorStep('M1', 102, USED_AT);
        const replayed = await store.takeAuthenticatorStep('M1', 102, USED_AT);

        // Assess
        expect([confirmedStep, earlier, later, replayed]).toEqual([false, false, true, false]);
        expect(await store.authenticatorOf('M1')).toMatchObject({ lastUsedStep: 102, lastUsedAt: USED_AT });
      });

      it('takes a step for exactly one of 10 parallel uses', async () => {
        // Prepare
        await store.putPendingAuthenticator(pending('sealed-a'));
        await store.confirmAuthenticator('M1', 'sealed-a', 100, CONFIRMED_AT);

        // Act
        const taken = await Promise.all(Array.from({ length: 10 }, () => store.takeAuthenticatorStep('M1', 101, USED_AT)));

        // Assess
        expect(taken.filter(Boolean)).toHaveLength(1);
        expect(await store.authenticatorOf('M1')).toMatchObject({ lastUsedStep: 101 });
      });

      it('takes no step of a set-up still pending, nor of an account without an app', async () => {
        // Prepare
        await store.putPendingAuthenticator(pending('sealed-a'));

        // Act
        const ofPending = await store.takeAuthenticatorStep('M1', 100, USED_AT);
        const ofNone = await store.takeAuthenticatorStep('M2', 100, USED_AT);

        // Assess
        expect([ofPending, ofNone]).toEqual([false, false]);
        expect(await store.authenticatorOf('M1')).toEqual(pending('sealed-a'));
      });

      it('removes the app, saying whether there was one, and then takes a new set-up', async () => {
        // Prepare
        await store.putPendingAuthenticator(pending('sealed-a'));
        await store.confirmAuthenticator('M1', 'sealed-a', 100, CONFIRMED_AT);

        // Act
        const removed = await store.removeAuthenticator('M1');
        const again = await store.removeAuthenticator('M1');

        // Assess
        expect([removed, again]).toEqual([true, false]);
        expect(await store.authenticatorOf('M1')).toBeUndefined();
        expect(await store.takeAuthenticatorStep('M1', 101, USED_AT)).toBe(false);
        expect(await store.putPendingAuthenticator(pending('sealed-b'))).toBe(true);
      });

      it('hands out copies, so callers cannot change what is stored', async () => {
        // Prepare
        await store.putPendingAuthenticator(pending('sealed-a'));

        // Act
        const read = await store.authenticatorOf('M1');
        read!.sealedSecret = 'changed';

        // Assess
        expect(await store.authenticatorOf('M1')).toEqual(pending('sealed-a'));
      });
    });

    describe('the recovery codes', () => {
      it('keeps a set, replaced (voided) by the next one, for that account only', async () => {
        // Act
        await store.putRecoveryCodes(codes(['h1', 'h2', 'h3']));
        await store.putRecoveryCodes(codes(['h4', 'h5']));

        // Assess
        expect(sorted(await store.recoveryCodesOf('M1'))).toEqual(codes(['h4', 'h5']));
        expect(await store.takeRecoveryCode('M1', 'h1', USED_AT)).toBeUndefined();
        expect(await store.recoveryCodesOf('M2')).toBeUndefined();
      });

      it('takes each code once, saying how many are left, down to none', async () => {
        // Prepare
        await store.putRecoveryCodes(codes(['h1', 'h2']));

        // Act
        const first = await store.takeRecoveryCode('M1', 'h1', USED_AT);
        const reused = await store.takeRecoveryCode('M1', 'h1', USED_AT);
        const unknown = await store.takeRecoveryCode('M1', 'h9', USED_AT);
        const last = await store.takeRecoveryCode('M1', 'h2', USED_AT);

        // Assess
        expect([first, reused, unknown, last]).toEqual([1, undefined, undefined, 0]);
        expect(await store.recoveryCodesOf('M1')).toEqual({ ...codes([]), lastUsedAt: USED_AT });
        expect(await store.takeRecoveryCode('M1', 'h2', USED_AT)).toBeUndefined();
      });

      it('takes no code of another account, nor of an account without codes', async () => {
        // Prepare
        await store.putRecoveryCodes(codes(['h1'], 'M2'));

        // Act
        const ofOther = await store.takeRecoveryCode('M1', 'h1', USED_AT);

        // Assess
        expect(ofOther).toBeUndefined();
        expect(await store.recoveryCodesOf('M1')).toBeUndefined();
        expect(await store.recoveryCodesOf('M2')).toEqual(codes(['h1'], 'M2'));
      });

      it('hands a code to exactly one of 10 parallel uses', async () => {
        // Prepare
        await store.putRecoveryCodes(codes(['h1', 'h2', 'h3']));

        // Act
        const left = await Promise.all(Array.from({ length: 10 }, () => store.takeRecoveryCode('M1', 'h2', USED_AT)));

        // Assess
        expect(left.filter((count) => count !== undefined)).toEqual([2]);
        expect(sorted(await store.recoveryCodesOf('M1'))).toEqual({ ...codes(['h1', 'h3']), lastUsedAt: USED_AT });
      });

      it('removes the set, and a removal without one changes nothing', async () => {
        // Prepare
        await store.putRecoveryCodes(codes(['h1']));

        // Act
        await store.removeRecoveryCodes('M1');
        await store.removeRecoveryCodes('M1');

        // Assess
        expect(await store.recoveryCodesOf('M1')).toBeUndefined();
        expect(await store.takeRecoveryCode('M1', 'h1', USED_AT)).toBeUndefined();
      });

      it('keeps the app and the codes apart', async () => {
        // Prepare
        await store.putPendingAuthenticator(pending('sealed-a'));
        await store.putRecoveryCodes(codes(['h1']));

        // Act
        await store.removeRecoveryCodes('M1');

        // Assess
        expect(await store.authenticatorOf('M1')).toEqual(pending('sealed-a'));
        expect(await store.removeAuthenticator('M1')).toBe(true);
        await store.putRecoveryCodes(codes(['h2']));
        expect(await store.removeAuthenticator('M1')).toBe(false);
        expect(await store.recoveryCodesOf('M1')).toEqual(codes(['h2']));
      });
    });
  });
}
