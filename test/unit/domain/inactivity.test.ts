import { INACTIVITY_WARNING_DAYS, judgeInactivity, lastActivityAt } from '../../../lambdas/domain/inactivity';
import type { Account } from '../../../lambdas/domain/model';

const DAY = 86_400_000;
const LAST_LOGIN = '2025-04-01T09:00:00.000Z';
const at = (days: number, from = LAST_LOGIN) => new Date(Date.parse(from) + days * DAY);

const registered: Account = {
  loginId: 'M20250401',
  status: 'registered',
  email: 'hanako@example.com',
  passwordHistory: ['h1'],
  createdAt: '2025-01-10T00:00:00.000Z',
  registeredAt: '2025-01-11T00:00:00.000Z',
  lastLoginAt: LAST_LOGIN,
};

describe('the inactivity rule (PCI DSS 8.2.6)', () => {
  it('warns from 76 idle days under a 90-day rule, not a day before', () => {
    expect(INACTIVITY_WARNING_DAYS).toBe(14);
    expect(judgeInactivity(registered, at(75), 90)).toMatchObject({ action: 'none', idleDays: 75 });
    expect(judgeInactivity(registered, at(76), 90)).toMatchObject({
      action: 'warn',
      idleDays: 76,
      lastActivityAt: LAST_LOGIN,
      disableFrom: at(90).toISOString(),
    });
  });

  it('disables from 90 idle days once the warning is 14 days old, not a day before either', () => {
    const warned = { ...registered, inactivityWarnedAt: at(76).toISOString() };
    expect(judgeInactivity(warned, at(89), 90)).toMatchObject({ action: 'wait', warnedAt: at(76).toISOString() });
    expect(judgeInactivity(warned, at(90), 90)).toMatchObject({ action: 'disable' });
  });

  it('gives a warning sent late its full 14 days: the disable waits for them past the 90 days', () => {
    const late = { ...registered, inactivityWarnedAt: at(200).toISOString() };
    expect(judgeInactivity({ ...registered }, at(200), 90)).toMatchObject({ action: 'warn', disableFrom: at(214).toISOString() });
    expect(judgeInactivity(late, at(213), 90)).toMatchObject({ action: 'wait', disableFrom: at(214).toISOString() });
    expect(judgeInactivity(late, at(214), 90)).toMatchObject({ action: 'disable' });
  });

  it('counts from the registration when the merchant never signed in after it', () => {
    const { lastLoginAt: _never, ...unused } = registered;
    expect(lastActivityAt(unused)).toBe('2025-01-11T00:00:00.000Z');
    expect(judgeInactivity(unused, at(75, '2025-01-11T00:00:00.000Z'), 90).action).toBe('none');
    expect(judgeInactivity(unused, at(76, '2025-01-11T00:00:00.000Z'), 90).action).toBe('warn');
  });

  it('counts an ops enable as activity, so an account brought back starts a new period', () => {
    const enabled = { ...registered, enabledAt: at(95).toISOString() };
    expect(lastActivityAt(enabled)).toBe(at(95).toISOString());
    expect(judgeInactivity(enabled, at(96), 90)).toMatchObject({ action: 'none', idleDays: 1 });
  });

  it('does not count a warning from an earlier period (older than the last activity)', () => {
    const stale = { ...registered, inactivityWarnedAt: '2025-03-01T00:00:00.000Z' };
    expect(judgeInactivity(stale, at(90), 90)).toMatchObject({ action: 'warn' });
    expect(judgeInactivity(stale, at(90), 90)).not.toHaveProperty('warnedAt');
  });

  it('leaves invited accounts (the letter has its own expiry) and disabled ones alone', () => {
    const invited: Account = { loginId: 'M20250402', status: 'invited', passwordHistory: [], createdAt: '2024-01-01T00:00:00.000Z' };
    const disabled = { ...registered, disabled: { at: LAST_LOGIN, reason: 'contract ended', by: 'ops-tanaka' } };
    expect(judgeInactivity(invited, at(400), 90)).toEqual({ action: 'untouched', why: 'not registered' });
    expect(judgeInactivity(disabled, at(400), 90)).toEqual({ action: 'untouched', why: 'disabled' });
  });
});
