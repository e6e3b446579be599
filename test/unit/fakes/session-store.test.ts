import type { Session } from '../../../lambdas/domain/model';
import { FakeSessionStore } from './session-store';

/** The fake must answer deleteAllOf as SessionsTable does: every session of the login ID but `keep`, counted. */
function session(sessionIdHash: string, loginId: string): Session {
  return {
    sessionIdHash,
    loginId,
    email: `${loginId.toLowerCase()}@example.com`,
    createdAt: '2025-04-01T09:00:00.000Z',
    lastSeenAt: '2025-04-01T09:00:00.000Z',
    expiresAt: '2025-04-01T21:00:00.000Z',
  };
}

describe('FakeSessionStore', () => {
  let store: FakeSessionStore;

  beforeEach(async () => {
    store = new FakeSessionStore();
    for (const s of [session('a1', 'A'), session('a2', 'A'), session('a3', 'A'), session('b1', 'B')]) await store.put(s);
  });

  it("ends every session of the account and counts them, leaving other accounts' alone", async () => {
    // Act
    const ended = await store.deleteAllOf('A');

    // Assess
    expect(ended).toBe(3);
    expect(store.all().map((s) => s.sessionIdHash)).toEqual(['b1']);
  });

  it('keeps the one session it is told to keep', async () => {
    // Act
    const ended = await store.deleteAllOf('A', 'a2');

    // Assess
    expect(ended).toBe(2);
    expect(store.all().map((s) => s.sessionIdHash).sort()).toEqual(['a2', 'b1']);
  });

  it('answers 0 for an account without sessions', async () => {
    expect(await store.deleteAllOf('C')).toBe(0);
    expect(store.all()).toHaveLength(4);
  });

  it('does not keep a session of another account named as `keep`', async () => {
    // Act
    const ended = await store.deleteAllOf('A', 'b1');

    // Assess
    expect(ended).toBe(3);
    expect(store.all().map((s) => s.sessionIdHash)).toEqual(['b1']);
  });
});
