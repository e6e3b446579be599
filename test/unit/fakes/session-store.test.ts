import { describeSessionStoreContract } from '../../contract/session-store.contract';
import { session } from '../../support/records';
import { FakeSessionStore } from './session-store';

describeSessionStoreContract('FakeSessionStore', () => new FakeSessionStore());

/** What only the fake shows: everything it holds, so nothing stray is left behind. */
describe('FakeSessionStore contents', () => {
  it('holds exactly the sessions left after deleteAllOf', async () => {
    // Prepare
    const store = new FakeSessionStore();
    for (const s of [session('a1', 'A'), session('a2', 'A'), session('b1', 'B')]) await store.put(s);

    // Act
    await store.deleteAllOf('A', 'a2');
    await store.deleteAllOf('C');

    // Assess
    expect(
      store
        .all()
        .map((s) => s.sessionIdHash)
        .sort(),
    ).toEqual(['a2', 'b1']);
  });
});
