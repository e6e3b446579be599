import { FakeLimitStore } from './limit-store';

/** The fake must keep LimitsTable's rules, or the lockout and throttle tests would prove nothing. */
const LOCKOUT = { threshold: 5, lockMinutes: 15 };
const RATE = { limit: 5, windowMinutes: 60 };
const T0 = Date.parse('2025-04-01T09:00:00.000Z');
const at = (minutes: number, ms = 0) => new Date(T0 + minutes * 60_000 + ms);

describe('FakeLimitStore', () => {
  let store: FakeLimitStore;

  beforeEach(() => {
    store = new FakeLimitStore();
  });

  describe('lockout', () => {
    it('locks at the 5th consecutive failure, not before', async () => {
      // Act
      const locked = [];
      for (let i = 0; i < 5; i += 1) locked.push(await store.recordFailure('k', LOCKOUT, at(i)));

      // Assess
      expect(locked).toEqual([false, false, false, false, true]);
      expect(await store.lockedUntil('k', at(4))).toEqual(at(19));
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
      expect(store.peek('k')).toBeUndefined();
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
      expect(store.peek('k')).toMatchObject({ uses: 1, windowStart: at(60) });
    });

    it('counts each key on its own', async () => {
      // Prepare
      for (let i = 0; i < 5; i += 1) await store.take('a', RATE, at(0));

      // Act
      const [a, b] = [await store.take('a', RATE, at(1)), await store.take('b', RATE, at(1))];

      // Assess
      expect([a, b]).toEqual([false, true]);
    });

    it('does not count a refused use', async () => {
      // Prepare
      for (let i = 0; i < 7; i += 1) await store.take('k', RATE, at(0));

      // Assess
      expect(store.peek('k')?.uses).toBe(5);
    });
  });
});
