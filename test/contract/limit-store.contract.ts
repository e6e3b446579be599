import type { LimitStore } from '../../lambdas/domain/ports';
import { minutesFrom } from '../support/time';

/**
 * What every LimitStore must do, the fake as LimitsTable: the lockout and throttle tests run on
 * the fake, so it must keep the table's rules or they would prove nothing.
 */
const LOCKOUT = { threshold: 5, lockMinutes: 15 };
const RATE = { limit: 5, windowMinutes: 60 };
const at = minutesFrom('2025-04-01T09:00:00.000Z');

export function describeLimitStoreContract(name: string, makeStore: () => LimitStore | Promise<LimitStore>): void {
  describe(`${name} (LimitStore contract)`, () => {
    let store: LimitStore;

    beforeEach(async () => {
      store = await makeStore();
    });

    describe('lockout', () => {
      it('locks at the 5th consecutive failure, not before', async () => {
        // Act
        const locked = [];
        for (let i = 0; i < 5; i += 1) locked.push(await store.recordFailure('k', LOCKOUT, at(i)));

        // Assess
        expect(locked).toEqual([false, false, false, false, true]);
        expect(await store.lockedUntil('k', at(4))).toEqual(at(19));
        expect(await store.lockedUntil('k', at(5))).toEqual(at(19));
        expect(await store.lockedUntil('k', at(19))).toBeUndefined();
      });

      it('is not locked before the threshold is reached', async () => {
        // Prepare
        for (let i = 0; i < 4; i += 1) await store.recordFailure('k', LOCKOUT, at(0));

        // Act
        const until = await store.lockedUntil('k', at(0));

        // Assess
        expect(until).toBeUndefined();
      });

      it('ends the lock at its end exactly', async () => {
        // Prepare
        for (let i = 0; i < 5; i += 1) await store.recordFailure('k', LOCKOUT, at(0));

        // Act
        const justBefore = await store.lockedUntil('k', at(15, -1));
        const atTheEnd = await store.lockedUntil('k', at(15));

        // Assess
        expect(justBefore).toEqual(at(15));
        expect(atTheEnd).toBeUndefined();
      });

      it('restarts the count when it locks, so after the lock there are 5 tries again', async () => {
        // Prepare
        for (let i = 0; i < 5; i += 1) await store.recordFailure('k', LOCKOUT, at(0));

        // Act
        const afterLock = [];
        for (let i = 0; i < 5; i += 1) afterLock.push(await store.recordFailure('k', LOCKOUT, at(16)));

        // Assess
        expect(afterLock).toEqual([false, false, false, false, true]);
        expect(await store.lockedUntil('k', at(16))).toEqual(at(31));
      });

      it('forgets failures and lock when cleared', async () => {
        // Prepare
        for (let i = 0; i < 5; i += 1) await store.recordFailure('k', LOCKOUT, at(0));
        await store.recordFailure('k', LOCKOUT, at(1));

        // Act
        await store.clearFailures('k');

        // Assess
        expect(await store.lockedUntil('k', at(1))).toBeUndefined();
      });

      it('forgets failures on success, so the count starts again from nothing', async () => {
        // Prepare
        for (let i = 0; i < 4; i += 1) await store.recordFailure('k', LOCKOUT, at(0));
        await store.clearFailures('k');

        // Act
        const afterSuccess = await store.recordFailure('k', LOCKOUT, at(1));

        // Assess
        expect(afterSuccess).toBe(false);
        expect(await store.lockedUntil('k', at(1))).toBeUndefined();
      });

      it('locks exactly once for 20 parallel failures: one answers true, and the key is locked', async () => {
        // Act
        const locked = await Promise.all(Array.from({ length: 20 }, () => store.recordFailure('k', LOCKOUT, at(0))));

        // Assess
        expect(locked.filter(Boolean)).toHaveLength(1);
        expect(await store.lockedUntil('k', at(0))).toEqual(at(15));
      });

      it('counts no failure while locked, so after the lock there are 5 tries again', async () => {
        // Prepare
        for (let i = 0; i < 5; i += 1) await store.recordFailure('k', LOCKOUT, at(0));

        // Act
        const whileLocked = [];
        for (let i = 0; i < 7; i += 1) whileLocked.push(await store.recordFailure('k', LOCKOUT, at(1)));
        const afterLock = [];
        for (let i = 0; i < 5; i += 1) afterLock.push(await store.recordFailure('k', LOCKOUT, at(15)));

        // Assess
        expect(whileLocked).toEqual([false, false, false, false, false, false, false]);
        expect(afterLock).toEqual([false, false, false, false, true]);
      });

      it('with a threshold of 1, locks at the first failure', async () => {
        expect(await store.recordFailure('k', { threshold: 1, lockMinutes: 15 }, at(0))).toBe(true);
        expect(await store.lockedUntil('k', at(0))).toEqual(at(15));
      });

      it('keeps keys apart', async () => {
        // Prepare
        for (let i = 0; i < 5; i += 1) await store.recordFailure('a', LOCKOUT, at(0));

        // Act
        const other = await store.lockedUntil('b', at(0));

        // Assess
        expect(other).toBeUndefined();
      });
    });

    describe('rate windows', () => {
      it('allows 5 uses in the window and refuses the 6th', async () => {
        // Act
        const uses = [];
        for (let i = 0; i < 6; i += 1) uses.push(await store.take('k', RATE, at(i * 10)));

        // Assess
        expect(uses).toEqual([true, true, true, true, true, false]);
      });

      it('allows the limit per window and opens a new window when the old one is over', async () => {
        // Prepare
        const rule = { limit: 3, windowMinutes: 60 };

        // Act
        const inFirstHour = [];
        for (let i = 0; i < 4; i += 1) inFirstHour.push(await store.take('k', rule, at(i * 10)));
        const nextHour = await store.take('k', rule, at(61));

        // Assess
        expect(inFirstHour).toEqual([true, true, true, false]);
        expect(nextHour).toBe(true);
      });

      it('opens a new window only when the old one is over (a fixed window from its first use)', async () => {
        // Prepare: the window opens at 0; its 5 uses are spent at 50 minutes.
        await store.take('k', RATE, at(0));
        for (let i = 0; i < 4; i += 1) await store.take('k', RATE, at(50));

        // Act
        const justBefore = await store.take('k', RATE, at(60, -1));
        const atTheEnd = await store.take('k', RATE, at(60));

        // Assess
        expect(justBefore).toBe(false);
        expect(atTheEnd).toBe(true);
      });

      it('starts the new window at the use that opened it, with that one use spent', async () => {
        // Prepare: a window at 0, spent; the next opens at 60.
        for (let i = 0; i < 5; i += 1) await store.take('k', RATE, at(0));
        await store.take('k', RATE, at(60));

        // Act
        const rest = [];
        for (let i = 0; i < 5; i += 1) rest.push(await store.take('k', RATE, at(119)));
        const nextWindow = await store.take('k', RATE, at(120));

        // Assess
        expect(rest).toEqual([true, true, true, true, false]);
        expect(nextWindow).toBe(true);
      });

      it('counts each key on its own', async () => {
        // Prepare
        for (let i = 0; i < 5; i += 1) await store.take('a', RATE, at(0));

        // Act
        const [a, b] = [await store.take('a', RATE, at(1)), await store.take('b', RATE, at(1))];

        // Assess
        expect([a, b]).toEqual([false, true]);
      });

      it('gives exactly the limit to simultaneous first uses after the old window is over', async () => {
        // Prepare: a window at 0, with uses left; it is over at 60.
        await store.take('k', RATE, at(0));

        // Act
        const results = await Promise.all(Array.from({ length: 15 }, () => store.take('k', RATE, at(61))));

        // Assess
        expect(results.filter(Boolean)).toHaveLength(5);
      });

      it('gives exactly the limit to simultaneous requests', async () => {
        // Act
        const results = await Promise.all(Array.from({ length: 8 }, () => store.take('rush', { limit: 3, windowMinutes: 60 }, at(0))));

        // Assess
        expect(results.filter(Boolean)).toHaveLength(3);
      });
    });
  });
}
