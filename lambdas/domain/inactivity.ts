import type { Account } from './model';

/**
 * PCI DSS v4.0.1 8.2.6: a registered account nobody has used for `days` (the stage's
 * `inactiveDisableDays`) is disabled. Ours warns the merchant by email first, this many days
 * before, so a merchant who still needs the site keeps it by signing in once.
 */
export const INACTIVITY_WARNING_DAYS = 14;

/** The rule as the audit trail names it. */
export const INACTIVITY_RULE = 'inactive-days';

/** Who disables by the rule, in the account's disabled record and the audit. */
export const INACTIVITY_DISABLER = 'system';

const DAY_MS = 86_400_000;

/** The reason kept with the disable: the rule and the standard it meets. */
export const inactivityReason = (days: number) => `inactive ${days} days (PCI DSS 8.2.6)`;

/**
 * When the merchant last used the account: the last sign-in, else the registration (never
 * signed in since). An ops `enable` counts too, so an account brought back is not disabled again
 * on the next run.
 */
export function lastActivityAt(account: Account): string | undefined {
  return [account.lastLoginAt, account.registeredAt, account.enabledAt]
    .filter((at): at is string => !!at)
    .sort()
    .at(-1);
}

/** What the rule does to one account now. */
export type InactivityVerdict =
  /** Invited accounts keep their letter's own expiry; disabled ones are disabled already. */
  { action: 'untouched'; why: 'not registered' | 'disabled' } | ({ action: 'none' | 'warn' | 'wait' | 'disable' } & InactivityFacts);

export interface InactivityFacts {
  lastActivityAt: string;
  /** Whole days since the last activity. */
  idleDays: number;
  /** A warning sent in this inactivity period (a sign-in removes it). */
  warnedAt?: string;
  /** From when the account may be disabled: `days` idle, and the warning's 14 days passed. */
  disableFrom: string;
}

const plus = (at: string | Date, days: number) => new Date(new Date(at).getTime() + days * DAY_MS);

/**
 * The rule for one account at `now`, with `days` of allowed inactivity:
 * - idle for `days − 14` days and not yet warned in this period: `warn`;
 * - idle for `days` days and warned at least 14 days ago: `disable`;
 * - warned, but either is still to come: `wait`; otherwise `none`.
 * A warning older than the last activity belongs to an earlier period and does not count.
 */
export function judgeInactivity(account: Account, now: Date, days: number): InactivityVerdict {
  if (account.status !== 'registered') return { action: 'untouched', why: 'not registered' };
  if (account.disabled) return { action: 'untouched', why: 'disabled' };
  const last = lastActivityAt(account) ?? account.createdAt;
  const warnedAt = account.inactivityWarnedAt && account.inactivityWarnedAt >= last ? account.inactivityWarnedAt : undefined;
  const idleMs = now.getTime() - new Date(last).getTime();
  const warnFrom = plus(last, days - INACTIVITY_WARNING_DAYS);
  const byIdle = plus(last, days);
  const byWarning = plus(warnedAt ?? now, INACTIVITY_WARNING_DAYS);
  const disableFrom = new Date(Math.max(byIdle.getTime(), byWarning.getTime()));
  const facts: InactivityFacts = {
    lastActivityAt: last,
    idleDays: Math.floor(idleMs / DAY_MS),
    ...(warnedAt && { warnedAt }),
    disableFrom: disableFrom.toISOString(),
  };
  if (!warnedAt) return { action: now >= warnFrom ? 'warn' : 'none', ...facts };
  return { action: now >= disableFrom ? 'disable' : 'wait', ...facts };
}
