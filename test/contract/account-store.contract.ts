import { AccountExistsError } from '../../lambdas/domain/errors';
import type { AccountStore } from '../../lambdas/domain/ports';
import { DISABLED, INVITED as invited, REGISTERED as registered } from '../support/records';

/**
 * What every AccountStore must do, the fake as AccountsTable: the use-case tests run on the fake,
 * so it must keep the table's conditions or they would prove nothing. Each test gets an empty
 * store holding one invited (M20250401) and one registered (M20250402) account.
 */
export function describeAccountStoreContract(name: string, makeStore: () => AccountStore | Promise<AccountStore>): void {
  describe(`${name} (AccountStore contract)`, () => {
    let store: AccountStore;

    beforeEach(async () => {
      store = await makeStore();
      await store.create(invited);
      await store.create(registered);
    });

    describe('get, findByEmail and create', () => {
      it('reads an account by login ID and a registered one by email; undefined when unknown', async () => {
        expect(await store.get('M20250401')).toEqual(invited);
        expect(await store.findByEmail('hanako@example.com')).toEqual(registered);
        expect(await store.get('M99999999')).toBeUndefined();
        expect(await store.findByEmail('nobody@example.com')).toBeUndefined();
      });

      it('refuses a taken login ID with AccountExistsError, leaving the account as it was', async () => {
        // Act
        const attempt = store.create({ ...registered, loginId: 'M20250401' });

        // Assess
        await expect(attempt).rejects.toBeInstanceOf(AccountExistsError);
        await expect(attempt).rejects.toMatchObject({ loginId: 'M20250401' });
        expect(await store.get('M20250401')).toEqual(invited);
      });

      it('hands out copies, so callers cannot change what is stored', async () => {
        // Act
        const read = await store.get('M20250402');
        read!.passwordHistory.push('tampered');

        // Assess
        expect((await store.get('M20250402'))?.passwordHistory).toEqual(['h1', 'h2']);
      });
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
        const account = (await store.get(loginId))!;
        expect(account[attribute]).toBe('new-hash');
        const others = ['pendingTokenHash', 'pendingResetTokenHash', 'pendingEmailChangeTokenHash'].filter((a) => a !== attribute);
        for (const other of others) expect(account).not.toHaveProperty(other);
      });

      it('voids the earlier request of the kind', async () => {
        // Prepare
        await store.replacePendingRequest('M20250402', 'passwordReset', 'reset-1');

        // Act
        await store.replacePendingRequest('M20250402', 'passwordReset', 'reset-2');

        // Assess
        expect((await store.get('M20250402'))?.pendingResetTokenHash).toBe('reset-2');
      });

      it.each([
        ['registration', 'a registered account', 'M20250402'],
        ['passwordReset', 'an invited account', 'M20250401'],
        ['emailChange', 'an invited account', 'M20250401'],
        ['passwordReset', 'no account', 'M99999999'],
      ] as const)('refuses a %s for %s (status condition)', async (kind, _who, loginId) => {
        expect(await store.replacePendingRequest(loginId, kind, 'new-hash')).toBe(false);
        expect((await store.get(loginId))?.pendingTokenHash).toBeUndefined();
      });

      it('refuses any kind for a disabled account', async () => {
        // Prepare
        await store.setDisabled('M20250402', DISABLED);

        // Act
        const replaced = await store.replacePendingRequest('M20250402', 'passwordReset', 'new-hash');

        // Assess
        expect(replaced).toBe(false);
        expect(await store.get('M20250402')).not.toHaveProperty('pendingResetTokenHash');
      });
    });

    describe('completeRegistration', () => {
      const changes = {
        email: 'taro@example.com',
        passwordHistory: ['new-hash', 'initial-hash'],
        registeredAt: '2025-04-01T09:05:00.000Z',
      };

      it('registers an invited account only with its pending registration, dropping the initial password', async () => {
        // Prepare
        await store.replacePendingRequest('M20250401', 'registration', 'reg-1');
        await store.replacePendingRequest('M20250401', 'registration', 'reg-2');

        // Act
        const withOld = await store.completeRegistration('M20250401', 'reg-1', changes);
        const withLive = await store.completeRegistration('M20250401', 'reg-2', changes);

        // Assess
        expect([withOld, withLive]).toEqual([false, true]);
        expect(await store.get('M20250401')).toEqual({
          loginId: 'M20250401',
          status: 'registered',
          createdAt: invited.createdAt,
          ...changes,
        });
        expect((await store.findByEmail('taro@example.com'))?.loginId).toBe('M20250401');
      });

      it('refuses a disabled account, a registered one or a missing one', async () => {
        // Prepare
        await store.replacePendingRequest('M20250401', 'registration', 'reg-1');
        await store.setDisabled('M20250401', DISABLED);

        // Act
        const results = [
          await store.completeRegistration('M20250401', 'reg-1', changes),
          await store.completeRegistration('M20250402', 'reg-1', changes),
          await store.completeRegistration('M99999999', 'reg-1', changes),
        ];

        // Assess
        expect(results).toEqual([false, false, false]);
        expect(await store.get('M20250401')).toMatchObject({ status: 'invited', pendingTokenHash: 'reg-1' });
        expect(await store.get('M99999999')).toBeUndefined();
      });
    });

    describe('changePassword', () => {
      it('sets the history of a registered account', async () => {
        // Act
        const changed = await store.changePassword('M20250402', { from: ['h1', 'h2'], to: ['h0', 'h1'] });

        // Assess
        expect(changed).toBe(true);
        expect((await store.get('M20250402'))?.passwordHistory).toEqual(['h0', 'h1']);
      });

      it('only while the history is still the one read: of two changes from it, one applies', async () => {
        // Act
        const [a, b] = await Promise.all([
          store.changePassword('M20250402', { from: ['h1', 'h2'], to: ['ha', 'h1'] }),
          store.changePassword('M20250402', { from: ['h1', 'h2'], to: ['hb', 'h1'] }),
        ]);
        const fromOld = await store.changePassword('M20250402', { from: ['h1', 'h2'], to: ['hc', 'h1'] });

        // Assess
        expect([a, b].filter(Boolean)).toHaveLength(1);
        expect(fromOld).toBe(false);
        expect((await store.get('M20250402'))?.passwordHistory).toEqual([a ? 'ha' : 'hb', 'h1']);
      });

      it('from an empty history, only while it is still empty', async () => {
        // Prepare
        await store.create({ ...registered, loginId: 'M20250403', email: 'jiro@example.com', passwordHistory: [] });

        // Act
        const first = await store.changePassword('M20250403', { from: [], to: ['h0'] });
        const again = await store.changePassword('M20250403', { from: [], to: ['hx'] });

        // Assess
        expect([first, again]).toEqual([true, false]);
        expect((await store.get('M20250403'))?.passwordHistory).toEqual(['h0']);
      });

      it('with a redeemed reset, only while it is the pending one, which stays pointed at (its request is used up)', async () => {
        // Prepare
        await store.replacePendingRequest('M20250402', 'passwordReset', 'reset-2');

        // Act
        const withOld = await store.changePassword('M20250402', { from: ['h1', 'h2'], to: ['x'], redeemed: { tokenHash: 'reset-1' } });
        const withLive = await store.changePassword('M20250402', { from: ['h1', 'h2'], to: ['h0'], redeemed: { tokenHash: 'reset-2' } });

        // Assess
        expect([withOld, withLive]).toEqual([false, true]);
        expect(await store.get('M20250402')).toMatchObject({ passwordHistory: ['h0'] });
        expect(await store.get('M20250402')).toMatchObject({ pendingResetTokenHash: 'reset-2' });
      });

      it('refuses an invited, disabled or missing account', async () => {
        // Prepare
        await store.create({ ...registered, loginId: 'M20250403', disabled: DISABLED });
        const change = { from: ['h1', 'h2'], to: ['x'] };

        // Act
        const results = [
          await store.changePassword('M20250401', { from: [], to: ['x'] }),
          await store.changePassword('M20250403', change),
          await store.changePassword('M99999999', change),
        ];

        // Assess
        expect(results).toEqual([false, false, false]);
        expect((await store.get('M20250403'))?.passwordHistory).toEqual(['h1', 'h2']);
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
        expect((await store.get('M20250402'))?.email).toBe('hanako@example.net');
        expect(await store.get('M20250402')).not.toHaveProperty('pendingEmailChangeTokenHash');
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
        expect((await store.get('M20250402'))?.email).toBe('hanako@example.com');
      });
    });

    describe('setLetterAddress', () => {
      const ADDRESS = {
        companyName: '株式会社サンプル',
        postalCode: '150-0043',
        postalAddress: '東京都渋谷区道玄坂1-2-3\nサンプルビル5階',
      };

      it('puts the address block in place of the one kept, the rest of the account as it was', async () => {
        // Prepare
        await store.setLetterAddress('M20250401', { ...ADDRESS, contactName: '山田 太郎' });

        // Act
        const applied = await store.setLetterAddress('M20250401', ADDRESS);

        // Assess
        expect(applied).toBe(true);
        expect(await store.get('M20250401')).toEqual({ ...invited, letter: ADDRESS });
      });

      it('answers false, creating nothing, for an unknown login ID', async () => {
        // Act
        const applied = await store.setLetterAddress('M99999999', ADDRESS);

        // Assess
        expect(applied).toBe(false);
        expect(await store.get('M99999999')).toBeUndefined();
      });
    });

    describe('setDisabled', () => {
      it('disables and enables an existing account; the enable is kept as activity and takes the inactivity warning away', async () => {
        // Prepare
        await store.recordInactivityWarning('M20250402', '2025-04-03T09:00:00.000Z', {});

        // Act
        const disabled = await store.setDisabled('M20250402', DISABLED);
        const whileDisabled = await store.get('M20250402');
        const enabled = await store.enable('M20250402', '2025-04-05T09:00:00.000Z');

        // Assess
        expect([disabled, enabled]).toEqual([true, true]);
        expect(whileDisabled?.disabled).toEqual(DISABLED);
        expect(await store.get('M20250402')).toEqual({ ...registered, enabledAt: '2025-04-05T09:00:00.000Z' });
      });

      it('never disables over an earlier disable, and enables only a disabled account', async () => {
        // Prepare
        await store.setDisabled('M20250402', DISABLED);
        const later = { at: '2025-04-02T09:00:00.000Z', reason: 'suspected misuse', by: 'ops-suzuki' };

        // Act
        const again = await store.setDisabled('M20250402', later);
        const enableEnabled = await store.enable('M20250401', '2025-04-05T09:00:00.000Z');

        // Assess
        expect([again, enableEnabled]).toEqual([false, false]);
        expect((await store.get('M20250402'))?.disabled).toEqual(DISABLED);
      });

      it('of two parallel disables, one applies and its mark stays', async () => {
        // Act
        const marks = [DISABLED, { ...DISABLED, by: 'ops-suzuki' }];
        const applied = await Promise.all(marks.map((mark) => store.setDisabled('M20250402', mark)));

        // Assess
        expect(applied.filter(Boolean)).toHaveLength(1);
        expect((await store.get('M20250402'))?.disabled).toEqual(marks[applied.indexOf(true)]);
      });

      it('answers false, creating nothing, for an unknown login ID', async () => {
        // Act
        const found = await store.setDisabled('M99999999', DISABLED);

        // Assess
        expect(found).toBe(false);
        expect(await store.get('M99999999')).toBeUndefined();
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
        expect(await store.get('M20250401')).toMatchObject({ status: 'invited', ...issued });
        expect(await store.get('M20250401')).not.toHaveProperty('pendingTokenHash');
      });

      it('refuses a registered or missing account (status condition), disabled or not', async () => {
        // Prepare
        await store.create({ ...invited, loginId: 'M20250403', disabled: DISABLED });

        // Act
        const results = [
          await store.reissueInitialPassword('M20250402', issued),
          await store.reissueInitialPassword('M99999999', issued),
          await store.reissueInitialPassword('M20250403', issued),
        ];

        // Assess
        expect(results).toEqual([false, false, true]);
        expect(await store.get('M20250402')).toEqual(registered);
        expect(await store.get('M99999999')).toBeUndefined();
      });
    });

    describe('resetRegistration', () => {
      const changes = {
        initialPasswordHash: 'scrypt$16$1$1$salt3$key3',
        initialPasswordExpiresAt: '2025-06-30T09:00:00.000Z',
        pendingLetter: { sealedPassword: 'sealed-3', issuedAt: '2025-04-01T09:00:00.000Z' },
        passwordHistory: ['scrypt$16$1$1$salt3$key3', 'h1', 'h2'],
      };

      it('makes a registered account invited again, without email, pending requests or known browsers, its email free', async () => {
        // Prepare
        await store.replacePendingRequest('M20250402', 'passwordReset', 'reset-1');
        await store.replacePendingRequest('M20250402', 'emailChange', 'change-1');
        await store.recordLogin('M20250402', '2025-04-03T09:00:00.000Z', ['device-hash-1']);
        const { lastLoginAt } = (await store.get('M20250402'))!;

        // Act
        const reset = await store.resetRegistration('M20250402', 'hanako@example.com', changes);

        // Assess
        expect(reset).toBe(true);
        expect(await store.get('M20250402')).toEqual({
          loginId: 'M20250402',
          status: 'invited',
          createdAt: registered.createdAt,
          lastLoginAt,
          ...changes,
        });
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
        expect(await store.get('M20250402')).toEqual(registered);
      });
    });

    describe('letters', () => {
      const letter = { sealedPassword: 'sealed-1', issuedAt: '2025-04-01T09:00:00.000Z' };

      it('lists the accounts whose letter is still to be produced', async () => {
        // Prepare
        await store.create({ ...invited, loginId: 'M20250403', pendingLetter: letter });
        await store.create({ ...invited, loginId: 'M20250404', pendingLetter: letter });

        // Act
        const pending = await store.pendingLetters();

        // Assess
        expect(pending.map((a) => a.loginId).sort()).toEqual(['M20250403', 'M20250404']);
        expect(pending.find((a) => a.loginId === 'M20250403')?.pendingLetter).toEqual(letter);
      });

      it('gives the sealed password of the letter issued at that time exactly once', async () => {
        // Prepare
        await store.create({ ...invited, loginId: 'M20250403', pendingLetter: letter });

        // Act
        const earlier = await store.takeLetter('M20250403', '2025-03-31T09:00:00.000Z');
        const first = await store.takeLetter('M20250403', letter.issuedAt);
        const again = await store.takeLetter('M20250403', letter.issuedAt);
        const missing = await store.takeLetter('M99999999', letter.issuedAt);

        // Assess
        expect([earlier, first, again, missing]).toEqual([false, true, false, false]);
        expect(await store.get('M20250403')).not.toHaveProperty('pendingLetter');
        expect(await store.pendingLetters()).toEqual([]);
      });
    });

    describe('the inactivity rule', () => {
      const WARNED = '2025-06-20T18:00:00.000Z';

      it('lists every registered account, a page at a time, and no invited one', async () => {
        // Prepare
        for (let i = 3; i <= 7; i += 1) await store.create({ ...registered, loginId: `M2025040${i}`, email: `m${i}@example.com` });

        // Act
        const pages: string[][] = [];
        for await (const page of store.registeredAccounts()) pages.push(page.map((account) => account.loginId));

        // Assess
        expect(pages.flat().sort()).toEqual(['M20250402', 'M20250403', 'M20250404', 'M20250405', 'M20250406', 'M20250407']);
        expect(pages.every((page) => page.length > 0)).toBe(true);
      });

      it('records a warning only while the activity read is unchanged: a sign-in, another warning or a disable between refuses it', async () => {
        // Act
        const first = await store.recordInactivityWarning('M20250402', WARNED, {});
        const twice = await store.recordInactivityWarning('M20250402', '2025-06-21T18:00:00.000Z', {});
        const afterWarning = await store.get('M20250402');
        await store.recordLogin('M20250402', '2025-06-22T09:00:00.000Z', []);
        const afterLogin = await store.get('M20250402');
        const stale = await store.recordInactivityWarning('M20250402', '2025-06-23T18:00:00.000Z', {});
        await store.setDisabled('M20250402', DISABLED);
        const whileDisabled = await store.recordInactivityWarning('M20250402', '2025-06-24T18:00:00.000Z', {
          lastLoginAt: '2025-06-22T09:00:00.000Z',
        });
        const invited = await store.recordInactivityWarning('M20250401', WARNED, {});

        // Assess
        expect([first, twice, stale, whileDisabled, invited]).toEqual([true, false, false, false, false]);
        expect(afterWarning?.inactivityWarnedAt).toBe(WARNED);
        expect(afterLogin).not.toHaveProperty('inactivityWarnedAt');
        expect((await store.get('M20250402'))?.inactivityWarnedAt).toBeUndefined();
      });

      it('of two parallel warnings, one is recorded', async () => {
        // Act
        const times = ['2025-06-20T18:00:00.000Z', '2025-06-20T18:00:01.000Z'];
        const applied = await Promise.all(times.map((at) => store.recordInactivityWarning('M20250402', at, {})));

        // Assess
        expect(applied.filter(Boolean)).toHaveLength(1);
        expect((await store.get('M20250402'))?.inactivityWarnedAt).toBe(times[applied.indexOf(true)]);
      });

      it('takes back only the warning it recorded', async () => {
        // Prepare
        await store.recordInactivityWarning('M20250402', WARNED, {});

        // Act
        await store.withdrawInactivityWarning('M20250402', '2025-06-19T18:00:00.000Z');
        const other = await store.get('M20250402');
        await store.withdrawInactivityWarning('M20250402', WARNED);

        // Assess
        expect(other?.inactivityWarnedAt).toBe(WARNED);
        expect(await store.get('M20250402')).toEqual(registered);
      });

      it('disables by the rule only while still warned at that time and not disabled', async () => {
        // Prepare
        const bySystem = { at: '2025-07-04T18:00:00.000Z', reason: 'inactive 90 days (PCI DSS 8.2.6)', by: 'system' };
        await store.recordInactivityWarning('M20250402', WARNED, {});

        // Act
        const otherWarning = await store.disableInactive('M20250402', bySystem, '2025-06-19T18:00:00.000Z');
        const disabled = await store.disableInactive('M20250402', bySystem, WARNED);
        const again = await store.disableInactive('M20250402', { ...bySystem, at: '2025-07-05T18:00:00.000Z' }, WARNED);

        // Assess
        expect([otherWarning, disabled, again]).toEqual([false, true, false]);
        expect((await store.get('M20250402'))?.disabled).toEqual(bySystem);
      });

      it('does not disable an account signed in since its warning', async () => {
        // Prepare
        await store.recordInactivityWarning('M20250402', WARNED, {});
        await store.recordLogin('M20250402', '2025-06-25T09:00:00.000Z', []);

        // Act
        const disabled = await store.disableInactive('M20250402', DISABLED, WARNED);

        // Assess
        expect(disabled).toBe(false);
        expect(await store.get('M20250402')).not.toHaveProperty('disabled');
      });
    });

    describe('recordLogin', () => {
      const DEVICES = ['device-hash-1'];

      it('keeps this login time and the one before it, and the known browsers as given', async () => {
        // Act
        await store.recordLogin('M20250402', '2025-04-03T09:00:00.000Z', DEVICES);
        const first = await store.get('M20250402');
        await store.recordLogin('M20250402', '2025-04-04T09:00:00.000Z', DEVICES);

        // Assess
        expect(first).toMatchObject({ lastLoginAt: '2025-04-03T09:00:00.000Z' });
        expect(first).not.toHaveProperty('previousLoginAt');
        expect(await store.get('M20250402')).toEqual({
          ...registered,
          lastLoginAt: '2025-04-04T09:00:00.000Z',
          previousLoginAt: '2025-04-03T09:00:00.000Z',
          knownDevices: DEVICES,
        });
      });

      it.each([
        ['a first login', undefined],
        ['an account logged in before', '2025-04-02T09:00:00.000Z'],
      ])('loses no login time to parallel logins (%s): the previous one is one of the earlier ones', async (_label, before) => {
        // Prepare
        if (before) await store.recordLogin('M20250402', before, DEVICES);
        const times = Array.from({ length: 8 }, (_, i) => `2025-04-03T09:00:0${i}.000Z`);

        // Act
        await Promise.all(times.map((time) => store.recordLogin('M20250402', time, DEVICES)));

        // Assess
        const { lastLoginAt, previousLoginAt } = (await store.get('M20250402'))!;
        expect(times).toContain(lastLoginAt);
        expect([before, ...times].filter((time) => time && time !== lastLoginAt)).toContain(previousLoginAt);
      });

      it('replaces the known browsers with the list of each sign-in', async () => {
        // Act
        await store.recordLogin('M20250402', '2025-04-03T09:00:00.000Z', ['device-hash-1']);
        await store.recordLogin('M20250402', '2025-04-04T09:00:00.000Z', ['device-hash-2', 'device-hash-1']);

        // Assess
        expect((await store.get('M20250402'))?.knownDevices).toEqual(['device-hash-2', 'device-hash-1']);
      });

      it('writes nothing for an account that is not there', async () => {
        // Act
        await store.recordLogin('M99999999', '2025-04-03T09:00:00.000Z', DEVICES);

        // Assess
        expect(await store.get('M99999999')).toBeUndefined();
      });
    });
  });
}
