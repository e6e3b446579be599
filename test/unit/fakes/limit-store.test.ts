import { describeLimitStoreContract } from '../../contract/limit-store.contract';
import { minutesFrom } from '../../support/time';
import { FakeLimitStore } from './limit-store';

describeLimitStoreContract('FakeLimitStore', () => new FakeLimitStore());

/** The fake's counters, which the table keeps as items the port does not show. */
describe('FakeLimitStore counters', () => {
  const LOCKOUT = { threshold: 5, lockMinutes: 15 };
  const RATE = { limit: 5, windowMinutes: 60 };
  const at = minutesFrom('2025-04-01T09:00:00.000Z');
  let store: FakeLimitStore;

  beforeEach(() => {
    store = new FakeLimitStore();
  });

  it('forgets the key when cleared', async () => {
    // Prepare
    for (let i = 0; i < 5; i += 1) await store.recordFailure('k', LOCKOUT, at(0));
    await store.recordFailure('k', LOCKOUT, at(1));

    // Act
    await store.clearFailures('k');

    // Assess
    expect(store.peek('k')).toBeUndefined();
  });

  it('opens the new window at the use after the old one, with one use', async () => {
    // Prepare
    await store.take('k', RATE, at(0));
    for (let i = 0; i < 4; i += 1) await store.take('k', RATE, at(50));
    await store.take('k', RATE, at(60, -1));

    // Act
    await store.take('k', RATE, at(60));

    // Assess
    expect(store.peek('k')).toMatchObject({ uses: 1, windowStart: at(60) });
  });

  it('does not count a refused use', async () => {
    // Prepare
    for (let i = 0; i < 7; i += 1) await store.take('k', RATE, at(0));

    // Assess
    expect(store.peek('k')?.uses).toBe(5);
  });
});
