import type { SessionStore } from '../../lambdas/domain/ports';
import { session } from '../support/records';

/**
 * What every SessionStore must do, the fake as SessionsTable. Each test starts with three
 * sessions of account A (a1–a3) and one of B (b1).
 */
export function describeSessionStoreContract(name: string, makeStore: () => SessionStore | Promise<SessionStore>): void {
  describe(`${name} (SessionStore contract)`, () => {
    let store: SessionStore;
    const hashesOf = async (...hashes: string[]) => {
      const found = [];
      for (const hash of hashes) if (await store.get(hash)) found.push(hash);
      return found;
    };
    const ALL = ['a1', 'a2', 'a3', 'b1'];

    beforeEach(async () => {
      store = await makeStore();
      for (const s of [session('a1', 'A'), session('a2', 'A'), session('a3', 'A'), session('b1', 'B')]) await store.put(s);
    });

    describe('put, get, touch and delete', () => {
      it('reads back what was put, and nothing for an unknown session', async () => {
        expect(await store.get('a1')).toEqual(session('a1', 'A'));
        expect(await store.get('nothing')).toBeUndefined();
      });

      it('touches the last-seen time only', async () => {
        // Act
        await store.touch('a1', '2025-04-01T09:10:00.000Z');

        // Assess
        expect(await store.get('a1')).toEqual({ ...session('a1', 'A'), lastSeenAt: '2025-04-01T09:10:00.000Z' });
      });

      it('never moves the last-seen time back (a slower request with an earlier time)', async () => {
        // Act
        await store.touch('a1', '2025-04-01T09:10:00.000Z');
        await store.touch('a1', '2025-04-01T09:09:00.000Z');

        // Assess
        expect((await store.get('a1'))?.lastSeenAt).toBe('2025-04-01T09:10:00.000Z');
      });

      it('records a new proof as a sign of life too', async () => {
        // Act
        await store.recordProof('a1', '2025-04-01T09:12:00.000Z');

        // Assess
        const at = '2025-04-01T09:12:00.000Z';
        expect(await store.get('a1')).toEqual({ ...session('a1', 'A'), lastSeenAt: at, provedAt: at });
      });

      it.each([
        ['touch', (s: SessionStore) => s.touch('a1', '2025-04-01T09:10:00.000Z')],
        ['recordProof', (s: SessionStore) => s.recordProof('a1', '2025-04-01T09:10:00.000Z')],
      ])('%s does not revive, nor fail on, a session deleted meanwhile', async (_name, update) => {
        // Prepare
        await store.delete('a1');

        // Act
        const updated = update(store);

        // Assess
        await expect(updated).resolves.toBeUndefined();
        expect(await store.get('a1')).toBeUndefined();
        expect(await hashesOf(...ALL)).toEqual(['a2', 'a3', 'b1']);
      });
    });

    describe('listOf', () => {
      it("lists every session of the account through the index, whole, and no other account's", async () => {
        // Prepare
        await store.put({ ...session('a4', 'A'), userAgent: 'Mozilla/5.0 Chrome/126.0.0.0', sourceIp: '203.0.113.7', setupRequired: true });

        // Act
        const listed = await store.listOf('A');

        // Assess
        const byHash = (a: { sessionIdHash: string }, b: { sessionIdHash: string }) => a.sessionIdHash.localeCompare(b.sessionIdHash);
        expect(listed.sort(byHash)).toEqual([
          session('a1', 'A'),
          session('a2', 'A'),
          session('a3', 'A'),
          { ...session('a4', 'A'), userAgent: 'Mozilla/5.0 Chrome/126.0.0.0', sourceIp: '203.0.113.7', setupRequired: true },
        ]);
      });

      it('answers an empty list for an account without sessions, and leaves out ended ones', async () => {
        // Act
        await store.delete('b1');

        // Assess
        expect(await store.listOf('B')).toEqual([]);
        expect(await store.listOf('C')).toEqual([]);
      });
    });

    describe('deleteAllOf', () => {
      it("ends every session of the account and counts them, leaving other accounts' alone", async () => {
        // Act
        const ended = await store.deleteAllOf('A');

        // Assess
        expect(ended).toBe(3);
        expect(await hashesOf(...ALL)).toEqual(['b1']);
      });

      it('keeps the one session it is told to keep', async () => {
        // Act
        const ended = await store.deleteAllOf('A', 'a2');

        // Assess
        expect(ended).toBe(2);
        expect(await hashesOf(...ALL)).toEqual(['a2', 'b1']);
      });

      it('answers 0 for an account without sessions', async () => {
        expect(await store.deleteAllOf('C')).toBe(0);
        expect(await hashesOf(...ALL)).toHaveLength(4);
      });

      it('does not keep a session of another account named as `keep`', async () => {
        // Act
        const ended = await store.deleteAllOf('A', 'b1');

        // Assess
        expect(ended).toBe(3);
        expect(await hashesOf(...ALL)).toEqual(['b1']);
      });
    });
  });
}
