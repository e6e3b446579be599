import type { PendingRequest } from '../../../lambdas/domain/model';
import { FakeRequestStore } from './request-store';

/** The fake must keep RequestsTable's conditions, or the use-case tests would prove nothing. */
const request: PendingRequest = {
  tokenHash: 'token-hash',
  kind: 'registration',
  loginId: 'M20250401',
  email: 'hanako@example.com',
  passcodeHash: 'passcode-hash',
  wrongPasscodes: 0,
  status: 'pending',
  createdAt: '2025-04-01T09:00:00.000Z',
  expiresAt: '2025-04-02T09:00:00.000Z',
};

describe('FakeRequestStore', () => {
  let store: FakeRequestStore;

  beforeEach(async () => {
    store = new FakeRequestStore();
    await store.put(request);
  });

  it('counts wrong passcodes and voids at the maximum', async () => {
    // Act
    const counts = [];
    for (let i = 0; i < 5; i += 1) counts.push(await store.recordWrongPasscode('token-hash', 5));

    // Assess
    expect(counts).toEqual([1, 2, 3, 4, 5]);
    expect(store.peek('token-hash')).toMatchObject({ wrongPasscodes: 5, status: 'voided' });
  });

  it('answers undefined, without counting, for a request that is not pending', async () => {
    // Prepare
    await store.claim('token-hash', '2025-04-01T09:05:00.000Z', '2025-04-01T09:04:00.000Z');

    // Act
    const wrong = await store.recordWrongPasscode('token-hash', 5);

    // Assess
    expect(wrong).toBeUndefined();
    expect(store.peek('token-hash')).toMatchObject({ wrongPasscodes: 0, status: 'completing' });
  });

  it('answers undefined for an unknown request', async () => {
    expect(await store.recordWrongPasscode('nothing', 5)).toBeUndefined();
  });

  it('claims only a pending request or a stale completing one', async () => {
    // Act
    const first = await store.claim('token-hash', '2025-04-01T09:05:00.000Z', '2025-04-01T09:04:00.000Z');
    const whileFresh = await store.claim('token-hash', '2025-04-01T09:05:30.000Z', '2025-04-01T09:04:30.000Z');
    const onceStale = await store.claim('token-hash', '2025-04-01T09:06:01.000Z', '2025-04-01T09:05:01.000Z');

    // Assess
    expect([first, whileFresh, onceStale]).toEqual([true, false, true]);
    expect(store.peek('token-hash')).toMatchObject({ status: 'completing', claimedAt: '2025-04-01T09:06:01.000Z' });
  });

  it('never claims a used or voided request', async () => {
    // Prepare
    await store.put({ ...request, tokenHash: 'used', status: 'used' });
    await store.put({ ...request, tokenHash: 'voided', status: 'voided' });

    // Act
    const claims = [await store.claim('used', 'z', 'z'), await store.claim('voided', 'z', 'z'), await store.claim('nothing', 'z', 'z')];

    // Assess
    expect(claims).toEqual([false, false, false]);
  });

  it('releases only a completing request back to pending', async () => {
    // Prepare
    await store.claim('token-hash', '2025-04-01T09:05:00.000Z', '2025-04-01T09:04:00.000Z');
    await store.put({ ...request, tokenHash: 'used', status: 'used' });

    // Act
    await store.release('token-hash');
    await store.release('used');

    // Assess
    expect(store.peek('token-hash')?.status).toBe('pending');
    expect(store.peek('token-hash')).not.toHaveProperty('claimedAt');
    expect(store.peek('used')?.status).toBe('used');
  });

  it('hands out copies, so callers cannot change what is stored', async () => {
    // Act
    const read = await store.get('token-hash');
    read!.status = 'used';

    // Assess
    expect(store.peek('token-hash')?.status).toBe('pending');
  });
});
