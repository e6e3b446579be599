/**
 * Guessing protection for every secret a merchant types: the letter's initial password, the
 * login password (at login, when changing it and when proving it again), and the second sign-in
 * step's codes, which count with the password. Failures are counted per ID, IDs that do not exist included, so a lock never tells
 * whether an ID is real.
 */
import type { LockoutRule } from './limits';
import type { AuditEvent, AuditLog, Clock, LimitStore } from './ports';

/** Each flow counts apart: a lock on the first login does not lock the login, and so on. */
export type LockoutFlow = 'login' | 'first-login';

export const lockoutKey = (flow: LockoutFlow, id: string) => `lockout#${flow}#${id.trim().toLowerCase()}`;

/**
 * Whether the lockout audit line names the email: the login lock is on the email itself, the
 * first-login one on the letter's ID (the email typed there is not yet the merchant's).
 */
const LOCKOUT_LINE_NAMES_EMAIL: Record<LockoutFlow, boolean> = { login: true, 'first-login': false };

export interface LockoutDeps {
  limits: LimitStore;
  lockout: LockoutRule;
  audit: AuditLog;
  clock: Clock;
}

export interface LockoutGuard {
  /** The audit reason while the ID is locked (`locked until …`); undefined when it is not. */
  lockedReason(): Promise<string | undefined>;
  /**
   * A wrong guess: counted, audited as `line`, and when it is the guess that locks the ID,
   * followed by the `lockout` line. True when this guess locked it.
   */
  failed(line: AuditEvent): Promise<boolean>;
  /** A right guess starts the count afresh. */
  passed(): Promise<void>;
}

/** The guard of one ID in one flow, at one moment (`now`, the use case's). */
export function lockoutGuard(flow: LockoutFlow, id: string, deps: LockoutDeps, now = deps.clock.now()): LockoutGuard {
  const { limits, lockout, audit } = deps;
  const key = lockoutKey(flow, id);
  return {
    async lockedReason() {
      const until = await limits.lockedUntil(key, now);
      return until && `locked until ${until.toISOString()}`;
    },
    async failed(line) {
      const locked = await limits.recordFailure(key, lockout, now);
      audit.record(line);
      if (!locked) return false;
      const email = LOCKOUT_LINE_NAMES_EMAIL[flow] ? { email: line.email } : {};
      audit.record({ event: 'lockout', outcome: 'success', loginId: line.loginId, ...email, flow, minutes: lockout.lockMinutes });
      return true;
    },
    passed: () => limits.clearFailures(key),
  };
}

/** For ops: when the ID is locked in the flow at `at`, the end of the lock. */
export const lockEnd = (limits: LimitStore, flow: LockoutFlow, id: string, at: Date) => limits.lockedUntil(lockoutKey(flow, id), at);

/** For ops: a new letter (or a reset) gives the merchant a fresh count, lock included. */
export const unlock = (limits: LimitStore, flow: LockoutFlow, id: string) => limits.clearFailures(lockoutKey(flow, id));
