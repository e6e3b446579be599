import type { AccountStatus } from '../../../lambdas/domain/use-cases/ops/account-status';
import { jst, loginIdOf, oneAccountRef, requiredReason } from '../../../ops/account-ref';
import { UsageError } from '../../../ops/arguments';
import { renderStatus } from '../../../ops/commands/status';
import { TargetError } from '../../../ops/target';
import { FakeAccountStore } from '../fakes/account-store';

describe('oneAccountRef', () => {
  it('takes a login ID, or an email (lower-cased) when the argument has "@"', () => {
    expect(oneAccountRef('status', ['SHOP-0001'])).toEqual({ loginId: 'SHOP-0001' });
    expect(oneAccountRef('status', ['Hanako@Example.COM'])).toEqual({ email: 'hanako@example.com' });
  });

  it('takes a login ID or an email typed in lower case or full width, in its stored form', () => {
    expect(oneAccountRef('status', ['shop-0001'])).toEqual({ loginId: 'SHOP-0001' });
    expect(oneAccountRef('status', ['\u3000ＳＨＯＰ－０００１'])).toEqual({ loginId: 'SHOP-0001' });
    expect(oneAccountRef('status', ['ｈａｎａｋｏ＠ｅｘａｍｐｌｅ．ｃｏｍ'])).toEqual({ email: 'hanako@example.com' });
  });

  it.each([
    [[], 'takes exactly one login ID or email'],
    [['SHOP-0001', 'SHOP-0002'], 'takes exactly one login ID or email'],
    [['a b'], 'is not a valid login ID'],
    [['hanako@'], 'is not an email address'],
  ])('refuses %j as a usage error', (positionals, message) => {
    expect(() => oneAccountRef('status', positionals)).toThrow(UsageError);
    expect(() => oneAccountRef('status', positionals)).toThrow(message);
  });
});

describe('loginIdOf', () => {
  const accounts = new FakeAccountStore();
  accounts.seed({
    loginId: 'SHOP-0001',
    status: 'registered',
    email: 'hanako@example.com',
    passwordHistory: [],
    createdAt: '2026-11-01T00:00:00.000Z',
  });

  it('finds the account of an email, and passes a login ID through', async () => {
    expect(await loginIdOf({ email: 'hanako@example.com' }, accounts)).toBe('SHOP-0001');
    expect(await loginIdOf({ loginId: 'SHOP-0009' }, accounts)).toBe('SHOP-0009');
  });

  it('names an email nobody logs in with', async () => {
    await expect(loginIdOf({ email: 'nobody@example.com' }, accounts)).rejects.toThrow(TargetError);
  });
});

describe('requiredReason', () => {
  it('trims the reason and refuses a missing or blank one', () => {
    expect(requiredReason('disable', '  contract ended ')).toBe('contract ended');
    expect(() => requiredReason('disable', undefined)).toThrow('disable needs --reason');
    expect(() => requiredReason('disable', '   ')).toThrow(UsageError);
  });
});

describe('jst', () => {
  it('shows an ISO time in Japan time, and a dash for none', () => {
    expect(jst('2026-11-27T15:05:00.000Z')).toBe('2026-11-28 00:05 JST');
    expect(jst(undefined)).toBe('—');
  });
});

describe('renderStatus', () => {
  const base = { loginId: 'SHOP-0001', createdAt: '2026-11-27T01:00:00.000Z', lockedUntil: {} };

  it('shows an invited account waiting for its letter, with a pending registration', () => {
    const status: AccountStatus = {
      ...base,
      state: 'pending registration',
      letter: {
        companyName: '株式会社サンプル',
        postalCode: '150-0043',
        postalAddress: '東京都渋谷区道玄坂1-2-3\nサンプルビル5階',
        contactName: '山田 太郎',
      },
      initialPassword: { expiresAt: '2027-02-25T01:00:00.000Z', expired: false },
      letterToPrint: { issuedAt: '2026-11-27T01:00:00.000Z', importRun: 'import-20261127-100000' },
      registration: {
        state: 'pending',
        email: 'hanako@example.com',
        createdAt: '2026-11-27T02:00:00.000Z',
        expiresAt: '2026-11-28T02:00:00.000Z',
        wrongPasscodes: 2,
      },
    };

    expect(renderStatus(status)).toBe(
      [
        'SHOP-0001',
        '  state:             pending registration',
        '  initial password:  valid until 2027-02-25 10:00 JST',
        '  letter:            to be printed (issued 2026-11-27 10:00 JST, import import-20261127-100000)',
        '  registration:      pending to hanako@example.com, valid until 2026-11-28 11:00 JST, wrong passcodes: 2',
        '  letter address:    〒150-0043 東京都渋谷区道玄坂1-2-3 サンプルビル5階 株式会社サンプル 山田 太郎',
        '  locked:            no',
        '  last login:        never',
        '  created:           2026-11-27 10:00 JST',
      ].join('\n'),
    );
  });

  it('says what became of a request, and that an initial password expired', () => {
    const status: AccountStatus = {
      ...base,
      state: 'invited',
      initialPassword: { expiresAt: '2026-11-27T00:00:00.000Z', expired: true },
      registration: {
        state: 'voided',
        email: 'hanako@example.com',
        createdAt: '2026-11-26T02:00:00.000Z',
        expiresAt: '2026-11-27T02:00:00.000Z',
        wrongPasscodes: 5,
      },
    };

    const shown = renderStatus(status);

    expect(shown).toContain('initial password:  EXPIRED 2026-11-27 09:00 JST (reissue gives a new one)');
    expect(shown).toContain('letter:            printed');
    expect(shown).toContain(
      'registration:      voided (too many wrong passcodes) to hanako@example.com, sent 2026-11-26 11:00 JST, expires 2026-11-27 11:00 JST, wrong passcodes: 5',
    );
  });

  it('shows a registered, disabled and locked account with its logins and pending requests', () => {
    const status: AccountStatus = {
      ...base,
      state: 'registered',
      email: 'hanako@example.com',
      registeredAt: '2026-11-27T03:00:00.000Z',
      disabled: { at: '2026-11-27T05:00:00.000Z', by: 'ops.tanaka', reason: 'suspected misuse' },
      lockedUntil: { login: '2026-11-27T04:15:00.000Z', firstLogin: '2026-11-27T04:10:00.000Z' },
      lastLoginAt: '2026-11-27T04:00:00.000Z',
      previousLoginAt: '2026-11-27T03:30:00.000Z',
      emailChange: {
        state: 'expired',
        email: 'new@example.com',
        createdAt: '2026-11-25T00:00:00.000Z',
        expiresAt: '2026-11-26T00:00:00.000Z',
        wrongPasscodes: 0,
      },
    };

    const shown = renderStatus(status);

    expect(shown).toContain('state:             registered — DISABLED');
    expect(shown).toContain('disabled:          2026-11-27 14:00 JST by ops.tanaka: suspected misuse');
    expect(shown).toContain('email:             hanako@example.com');
    expect(shown).toContain('locked:            first login until 2026-11-27 13:10 JST; login until 2026-11-27 13:15 JST');
    expect(shown).toContain('last login:        2026-11-27 13:00 JST (before: 2026-11-27 12:30 JST)');
    expect(shown).toContain('password reset:    none');
    expect(shown).toContain('email change:      expired to new@example.com, sent 2026-11-25 09:00 JST, expired 2026-11-26 09:00 JST');
    expect(shown).not.toContain('letter:');
  });
  it('shows the second factors with their counts and dates, or none', () => {
    const registered: AccountStatus = { ...base, state: 'registered', email: 'hanako@example.com', lockedUntil: {} };
    const withFactors = renderStatus({
      ...registered,
      secondFactors: {
        authenticator: { state: 'set up', addedAt: '2026-11-27T03:00:00.000Z', lastUsedAt: '2026-11-28T01:00:00.000Z' },
        passkeys: { count: 2, lastAddedAt: '2026-11-27T04:00:00.000Z' },
        recoveryCodes: { left: 9, issuedAt: '2026-11-27T03:00:00.000Z', lastUsedAt: '2026-11-28T02:00:00.000Z' },
      },
    });
    const pending = renderStatus({
      ...registered,
      secondFactors: { authenticator: { state: 'pending', addedAt: '2026-11-27T03:00:00.000Z' }, passkeys: { count: 0 } },
    });

    expect(withFactors).toContain(
      'second factors:    authenticator app (set up 2026-11-27 12:00 JST, last used 2026-11-28 10:00 JST); ' +
        '2 passkey(s) (newest added 2026-11-27 13:00 JST); 9 recovery code(s) left (issued 2026-11-27 12:00 JST, last used 2026-11-28 11:00 JST)',
    );
    expect(pending).toContain('second factors:    authenticator app set-up waiting for its first code (since 2026-11-27 12:00 JST)');
    expect(renderStatus({ ...registered, secondFactors: { passkeys: { count: 0 } } })).toContain('second factors:    none');
  });
});
