import type { Account } from '../../../lambdas/domain/model';
import { FakeAccountStore } from './account-store';

/** The fake must keep AccountsTable's conditions (see its ConditionExpressions), or the use-case tests would prove nothing. */
const DISABLED = { at: '2025-04-01T09:00:00.000Z', reason: 'contract ended', by: 'ops-tanaka' };

const invited: Account = {
  loginId: 'M20250401',
  status: 'invited',
  initialPasswordHash: 'scrypt$16$1$1$salt$key',
  passwordHistory: [],
  createdAt: '2025-04-01T09:00:00.000Z',
};
const registered: Account = {
  loginId: 'M20250402',
  status: 'registered',
  email: 'hanako@example.com',
  passwordHistory: ['h1', 'h2'],
  createdAt: '2025-04-01T09:00:00.000Z',
};

describe('FakeAccountStore', () => {
  let store: FakeAccountStore;

  beforeEach(() => {
    store = new FakeAccountStore();
    store.seed(invited);
    store.seed(registered);
  });

  describe('replacePendingRequest', () => {
    it.each([
      ['registration', 'M20250401', 'pendingTokenHash'],
      ['passwordReset', 'M20250402', 'pendingResetTokenHash'],
      ['emailChange', 'M20250402', 'pendingEmailChangeTokenHash'],
    ] as const)('points the account at a new %s in its own attribute', async (kind, loginId, attribute) => {
      // Act
      const replaced = await store.replacePendingRequest(loginId, kind, 'new-hash');

      // Assess
      expect(replaced).toBe(true);
      const account = store.peek(loginId)!;
      expect(account[attribute]).toBe('new-hash');
      const others = ['pendingTokenHash', 'pendingResetTokenHash', 'pendingEmailChangeTokenHash'].filter((a) => a !== attribute);
      for (const other of others) expect(account).not.toHaveProperty(other);
    });

    it.each([
      ['registration', 'a registered account', 'M20250402'],
      ['passwordReset', 'an invited account', 'M20250401'],
      ['emailChange', 'an invited account', 'M20250401'],
      ['passwordReset', 'no account', 'M99999999'],
    ] as const)('refuses a %s for %s (status condition)', async (kind, _who, loginId) => {
      expect(await store.replacePendingRequest(loginId, kind, 'new-hash')).toBe(false);
      expect(store.peek(loginId)?.pendingTokenHash).toBeUndefined();
    });

    it('refuses any kind for a disabled account', async () => {
      // Prepare
      await store.setDisabled('M20250402', DISABLED);

      // Act
      const replaced = await store.replacePendingRequest('M20250402', 'passwordReset', 'new-hash');

      // Assess
      expect(replaced).toBe(false);
      expect(store.peek('M20250402')).not.toHaveProperty('pendingResetTokenHash');
    });
  });

  describe('changePassword', () => {
    it('sets the history of a registered account', async () => {
      // Act
      const changed = await store.changePassword('M20250402', ['h0', 'h1']);

      // Assess
      expect(changed).toBe(true);
      expect(store.peek('M20250402')?.passwordHistory).toEqual(['h0', 'h1']);
    });

    it('with a redeemed reset, only while it is the pending one, which stays pointed at (its request is used up)', async () => {
      // Prepare
      await store.replacePendingRequest('M20250402', 'passwordReset', 'reset-2');

      // Act
      const withOld = await store.changePassword('M20250402', ['x'], { tokenHash: 'reset-1' });
      const withLive = await store.changePassword('M20250402', ['h0'], { tokenHash: 'reset-2' });

      // Assess
      expect([withOld, withLive]).toEqual([false, true]);
      expect(store.peek('M20250402')).toMatchObject({ passwordHistory: ['h0'] });
      expect(store.peek('M20250402')).toMatchObject({ pendingResetTokenHash: 'reset-2' });
    });

    it('refuses an invited, disabled or missing account', async () => {
      // Prepare
      store.seed({ ...registered, loginId: 'M20250403', disabled: DISABLED });

      // Act
      const results = [
        await store.changePassword('M20250401', ['x']),
        await store.changePassword('M20250403', ['x']),
        await store.changePassword('M99999999', ['x']),
      ];

      // Assess
      expect(results).toEqual([false, false, false]);
      expect(store.peek('M20250403')?.passwordHistory).toEqual(['h1', 'h2']);
    });
  });

  describe('changeEmail', () => {
    it('sets the email only while the change is the pending one, and then forgets it', async () => {
      // Prepare
      await store.replacePendingRequest('M20250402', 'emailChange', 'change-2');

      // Act
      const withOld = await store.changeEmail('M20250402', 'change-1', 'old-link@example.com');
      const withLive = await store.changeEmail('M20250402', 'change-2', 'hanako@example.net');

      // Assess
      expect([withOld, withLive]).toEqual([false, true]);
      expect(store.peek('M20250402')?.email).toBe('hanako@example.net');
      expect(store.peek('M20250402')).not.toHaveProperty('pendingEmailChangeTokenHash');
      expect(await store.findByEmail('hanako@example.com')).toBeUndefined();
      expect((await store.findByEmail('hanako@example.net'))?.loginId).toBe('M20250402');
    });

    it('refuses a disabled account even with the pending change', async () => {
      // Prepare
      await store.replacePendingRequest('M20250402', 'emailChange', 'change-1');
      await store.setDisabled('M20250402', DISABLED);

      // Act
      const changed = await store.changeEmail('M20250402', 'change-1', 'hanako@example.net');

      // Assess
      expect(changed).toBe(false);
      expect(store.peek('M20250402')?.email).toBe('hanako@example.com');
    });
  });

  describe('setDisabled', () => {
    it('disables and enables an existing account', async () => {
      // Act
      const disabled = await store.setDisabled('M20250402', DISABLED);
      const whileDisabled = store.peek('M20250402');
      const enabled = await store.setDisabled('M20250402', undefined);

      // Assess
      expect([disabled, enabled]).toEqual([true, true]);
      expect(whileDisabled?.disabled).toEqual(DISABLED);
      expect(store.peek('M20250402')).not.toHaveProperty('disabled');
    });

    it('answers false, creating nothing, for an unknown login ID', async () => {
      // Act
      const found = await store.setDisabled('M99999999', DISABLED);

      // Assess
      expect(found).toBe(false);
      expect(store.peek('M99999999')).toBeUndefined();
    });
  });

  describe('reissueInitialPassword', () => {
    const issued = {
      initialPasswordHash: 'scrypt$16$1$1$salt2$key2',
      initialPasswordExpiresAt: '2025-07-10T09:00:00.000Z',
      pendingLetter: { sealedPassword: 'sealed-2', issuedAt: '2025-04-11T09:00:00.000Z' },
    };

    it('replaces the initial password and letter of an invited account and voids its pending registration', async () => {
      // Prepare
      await store.replacePendingRequest('M20250401', 'registration', 'reg-1');

      // Act
      const reissued = await store.reissueInitialPassword('M20250401', issued);

      // Assess
      expect(reissued).toBe(true);
      expect(store.peek('M20250401')).toMatchObject({ status: 'invited', ...issued });
      expect(store.peek('M20250401')).not.toHaveProperty('pendingTokenHash');
    });

    it('refuses a registered or missing account (status condition), disabled or not', async () => {
      // Prepare
      store.seed({ ...invited, loginId: 'M20250403', disabled: DISABLED });

      // Act
      const results = [
        await store.reissueInitialPassword('M20250402', issued),
        await store.reissueInitialPassword('M99999999', issued),
        await store.reissueInitialPassword('M20250403', issued),
      ];

      // Assess
      expect(results).toEqual([false, false, true]);
      expect(store.peek('M20250402')).toEqual(registered);
      expect(store.peek('M99999999')).toBeUndefined();
    });
  });

  describe('resetRegistration', () => {
    const changes = {
      initialPasswordHash: 'scrypt$16$1$1$salt3$key3',
      initialPasswordExpiresAt: '2025-06-30T09:00:00.000Z',
      pendingLetter: { sealedPassword: 'sealed-3', issuedAt: '2025-04-01T09:00:00.000Z' },
      passwordHistory: ['scrypt$16$1$1$salt3$key3', 'h1', 'h2'],
    };

    it('makes a registered account invited again, without email or pending requests, its email free', async () => {
      // Prepare
      store.seed({ ...registered, registeredAt: '2025-04-02T00:00:00.000Z' });
      await store.replacePendingRequest('M20250402', 'passwordReset', 'reset-1');
      await store.replacePendingRequest('M20250402', 'emailChange', 'change-1');

      // Act
      const reset = await store.resetRegistration('M20250402', 'hanako@example.com', changes);

      // Assess
      expect(reset).toBe(true);
      expect(store.peek('M20250402')).toEqual({ loginId: 'M20250402', status: 'invited', createdAt: registered.createdAt, ...changes });
      expect(await store.findByEmail('hanako@example.com')).toBeUndefined();
    });

    it('refuses an invited account, a missing one, or one registered under another email', async () => {
      // Act
      const results = [
        await store.resetRegistration('M20250401', 'hanako@example.com', changes),
        await store.resetRegistration('M99999999', 'hanako@example.com', changes),
        await store.resetRegistration('M20250402', 'someone.else@example.com', changes),
      ];

      // Assess
      expect(results).toEqual([false, false, false]);
      expect(store.peek('M20250402')).toEqual(registered);
    });
  });
});
