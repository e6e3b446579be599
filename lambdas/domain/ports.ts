import type { LockoutRule, RateRule } from './limits';
import type { Account, PendingRequest, Session } from './model';

/** What the use cases need from the outside world; adapters implement these, tests fake them. */
export interface Clock {
  now(): Date;
}

export interface Random {
  bytes(count: number): Buffer;
  /** A uniformly random integer in [0, below). */
  int(below: number): number;
}

export interface AccountStore {
  get(loginId: string): Promise<Account | undefined>;
  findByEmail(email: string): Promise<Account | undefined>;
  /** Fails with AccountExistsError when the login ID is taken. */
  create(account: Account): Promise<void>;
  /** Points the invited account at its newest request; false when the account is no longer invited. */
  replacePendingRequest(loginId: string, tokenHash: string): Promise<boolean>;
  /** Invited → registered, only while `tokenHash` is still the pending request. */
  completeRegistration(
    loginId: string,
    tokenHash: string,
    changes: { email: string; passwordHistory: string[]; registeredAt: string },
  ): Promise<boolean>;
  /** Keeps this login time and the one before it. */
  recordLogin(account: Account, at: string): Promise<void>;
}

export interface RequestStore {
  put(request: PendingRequest): Promise<void>;
  get(tokenHash: string): Promise<PendingRequest | undefined>;
  /**
   * Counts a wrong passcode; at `maxAttempts` the request becomes voided. Returns the new count,
   * or undefined when the request no longer takes guesses (claimed, finished or voided meanwhile).
   */
  recordWrongPasscode(tokenHash: string, maxAttempts: number): Promise<number | undefined>;
  /** Takes the request for one submission; false when another has it (or it is finished). */
  claim(tokenHash: string, at: string, staleBefore: string): Promise<boolean>;
  release(tokenHash: string): Promise<void>;
  markUsed(tokenHash: string): Promise<void>;
}

export interface SessionStore {
  put(session: Session): Promise<void>;
  get(sessionIdHash: string): Promise<Session | undefined>;
  touch(sessionIdHash: string, at: string): Promise<void>;
  delete(sessionIdHash: string): Promise<void>;
}

/** Failure counters, locks and rate windows, each with its own expiry. */
export interface LimitStore {
  /** The end of the key's lock, when it is locked at `at`. */
  lockedUntil(key: string, at: Date): Promise<Date | undefined>;
  /** Counts one more consecutive failure; the `threshold`-th locks the key. True when it locked. */
  recordFailure(key: string, rule: LockoutRule, at: Date): Promise<boolean>;
  clearFailures(key: string): Promise<void>;
  /** Takes one use of the key's current window; false when none is left. */
  take(key: string, rule: RateRule, at: Date): Promise<boolean>;
}

/** The user directory (Cognito): holds registered merchants' passwords. */
export interface Identity {
  /** Creates the user, or sets the password of the same user left by an interrupted attempt. */
  register(user: { email: string; loginId: string; password: string }): Promise<void>;
  /** The login ID of the user when the password is right, else undefined. */
  verifyPassword(email: string, password: string): Promise<string | undefined>;
}

export interface Email {
  to: string;
  subject: string;
  text: string;
}

export interface Mailer {
  send(email: Email): Promise<void>;
}

export type AuditOutcome = 'success' | 'failure';

export interface AuditEvent {
  event: string;
  outcome: AuditOutcome;
  loginId?: string;
  /** Plain email; the audit adapter masks it before anything is written. */
  email?: string;
  reason?: string;
  [detail: string]: string | number | boolean | undefined;
}

/** One structured line per security-relevant step, for auditors. Never given a secret. */
export interface AuditLog {
  record(event: AuditEvent): void;
}
