import type { RequestStore } from '../../lambdas/domain/ports';
import { PENDING_REQUEST as request } from '../support/records';

/**
 * What every RequestStore must do, the fake as RequestsTable: its conditions decide who may
 * guess a passcode and which submission completes a request. Each test starts with one pending
 * request, `token-hash`.
 */
export function describeRequestStoreContract(name: string, makeStore: () => RequestStore | Promise<RequestStore>): void {
  describe(`${name} (RequestStore contract)`, () => {
    let store: RequestStore;

    beforeEach(async () => {
      store = await makeStore();
      await store.put(request);
    });

    it('reads back what was put, and nothing for an unknown token hash', async () => {
      expect(await store.get('token-hash')).toEqual(request);
      expect(await store.get('nothing')).toBeUndefined();
    });

    it('hands out copies, so callers cannot change what is stored', async () => {
      // Act
      const read = await store.get('token-hash');
      read!.status = 'used';

      // Assess
      expect((await store.get('token-hash'))?.status).toBe('pending');
    });

    describe('recordWrongPasscode', () => {
      it('counts wrong passcodes and voids at the maximum', async () => {
        // Act
        const counts = [];
        for (let i = 0; i < 5; i += 1) counts.push(await store.recordWrongPasscode('token-hash', 5));

        // Assess
        expect(counts).toEqual([1, 2, 3, 4, 5]);
        expect(await store.get('token-hash')).toMatchObject({ wrongPasscodes: 5, status: 'voided' });
      });

      it('decides each of 20 parallel misses in one write: the counts 1 to 5 once each, the fifth voids', async () => {
        // Act
        const counts = await Promise.all(Array.from({ length: 20 }, () => store.recordWrongPasscode('token-hash', 5)));

        // Assess: the rest are refused, and what they then read is the voided request.
        expect(counts.filter((count) => count !== undefined).sort()).toEqual([1, 2, 3, 4, 5]);
        expect(await store.get('token-hash')).toMatchObject({ wrongPasscodes: 5, status: 'voided' });
      });

      it('takes no guess beyond the maximum, even on a request still pending', async () => {
        // Prepare
        await store.put({ ...request, wrongPasscodes: 5 });

        // Act
        const wrong = await store.recordWrongPasscode('token-hash', 5);

        // Assess
        expect(wrong).toBeUndefined();
        expect(await store.get('token-hash')).toMatchObject({ wrongPasscodes: 5, status: 'pending' });
      });

      it('answers undefined, without counting, for a request that is not pending', async () => {
        // Prepare
        await store.claim('token-hash', '2025-04-01T09:05:00.000Z', '2025-04-01T09:04:00.000Z');

        // Act
        const wrong = await store.recordWrongPasscode('token-hash', 5);

        // Assess
        expect(wrong).toBeUndefined();
        expect(await store.get('token-hash')).toMatchObject({ wrongPasscodes: 0, status: 'completing' });
      });

      it('answers undefined for an unknown request, creating nothing', async () => {
        expect(await store.recordWrongPasscode('nothing', 5)).toBeUndefined();
        expect(await store.get('nothing')).toBeUndefined();
      });
    });

    describe('claim, release and markUsed', () => {
      it('claims only a pending request or a stale completing one', async () => {
        // Act
        const first = await store.claim('token-hash', '2025-04-01T09:05:00.000Z', '2025-04-01T09:04:00.000Z');
        const whileFresh = await store.claim('token-hash', '2025-04-01T09:05:30.000Z', '2025-04-01T09:04:30.000Z');
        const onceStale = await store.claim('token-hash', '2025-04-01T09:06:01.000Z', '2025-04-01T09:05:01.000Z');

        // Assess
        expect([first, whileFresh, onceStale]).toEqual([true, false, true]);
        expect(await store.get('token-hash')).toMatchObject({ status: 'completing', claimedAt: '2025-04-01T09:06:01.000Z' });
      });

      it('never claims a used or voided request', async () => {
        // Prepare
        await store.put({ ...request, tokenHash: 'used', status: 'used' });
        await store.put({ ...request, tokenHash: 'voided', status: 'voided' });

        // Act
        const claims = [await store.claim('used', 'z', 'z'), await store.claim('voided', 'z', 'z'), await store.claim('nothing', 'z', 'z')];

        // Assess
        expect(claims).toEqual([false, false, false]);
        expect(await store.get('nothing')).toBeUndefined();
      });

      it('releases only a completing request back to pending', async () => {
        // Prepare
        await store.claim('token-hash', '2025-04-01T09:05:00.000Z', '2025-04-01T09:04:00.000Z');
        await store.put({ ...request, tokenHash: 'used', status: 'used' });

        // Act
        await store.release('token-hash', '2025-04-01T09:05:00.000Z');
        await store.release('used', '2025-04-01T09:05:00.000Z');
        await store.release('nothing', '2025-04-01T09:05:00.000Z');

        // Assess
        expect((await store.get('token-hash'))?.status).toBe('pending');
        expect(await store.get('token-hash')).not.toHaveProperty('claimedAt');
        expect((await store.get('used'))?.status).toBe('used');
        expect(await store.get('nothing')).toBeUndefined();
      });

      it('marks a claimed request used, for good', async () => {
        // Prepare
        await store.claim('token-hash', '2025-04-01T09:05:00.000Z', '2025-04-01T09:04:00.000Z');

        // Act
        await store.markUsed('token-hash', '2025-04-01T09:05:00.000Z');

        // Assess
        expect((await store.get('token-hash'))?.status).toBe('used');
        expect(await store.claim('token-hash', '2025-04-02T00:00:00.000Z', '2025-04-02T00:00:00.000Z')).toBe(false);
        expect(await store.recordWrongPasscode('token-hash', 5)).toBeUndefined();
      });

      it('leaves a claim taken over as stale to the newer submission: the older one neither marks nor releases it', async () => {
        // Prepare: the first claim went stale and a second submission took the request over.
        await store.claim('token-hash', '2025-04-01T09:05:00.000Z', '2025-04-01T09:04:00.000Z');
        await store.claim('token-hash', '2025-04-01T09:06:01.000Z', '2025-04-01T09:05:01.000Z');

        // Act
        await store.markUsed('token-hash', '2025-04-01T09:05:00.000Z');
        await store.release('token-hash', '2025-04-01T09:05:00.000Z');

        // Assess
        expect(await store.get('token-hash')).toMatchObject({ status: 'completing', claimedAt: '2025-04-01T09:06:01.000Z' });
      });

      it('marks nothing that is not claimed, and creates nothing for an unknown token hash', async () => {
        // Act
        await store.markUsed('token-hash', '2025-04-01T09:05:00.000Z');
        await store.markUsed('nothing', '2025-04-01T09:05:00.000Z');

        // Assess
        expect((await store.get('token-hash'))?.status).toBe('pending');
        expect(await store.get('nothing')).toBeUndefined();
      });
    });
  });
}
