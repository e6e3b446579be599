import type { LockoutRule, RateRule } from './limits';
import type {
  Account,
  AuthenticatorRecord,
  FactorRecord,
  IssuedInitialPassword,
  LetterAddress,
  PasskeyRecord,
  RecoveryCodesRecord,
  PendingRequest,
  PendingStep,
  RequestKind,
  Session,
} from './model';

/** What the use cases need from the outside world; adapters implement these, tests fake them. */
export interface Clock {
  now(): Date;
}

export interface Random {
  bytes(count: number): Buffer;
  /** A uniformly random integer in [0, below). */
  int(below: number): number;
}

export interface PasswordChange {
  from: string[];
  to: string[];
  redeemed?: { tokenHash: string };
}

export interface AccountStore {
  get(loginId: string): Promise<Account | undefined>;
  findByEmail(email: string): Promise<Account | undefined>;
  /** Fails with AccountExistsError when the login ID is taken. */
  create(account: Account): Promise<void>;
  /**
   * Makes `tokenHash` the account's one live request of its kind (voiding the earlier one); false
   * when the account cannot take such a request (registration: not invited; others: not
   * registered; any: disabled).
   */
  replacePendingRequest(loginId: string, kind: RequestKind, tokenHash: string): Promise<boolean>;
  /** Invited → registered, only while `tokenHash` is still the pending registration. */
  completeRegistration(
    loginId: string,
    tokenHash: string,
    changes: { email: string; passwordHistory: string[]; registeredAt: string },
  ): Promise<boolean>;
  /**
   * The history becomes `to`, only while it is still `from` (its newest entry, the current
   * password's hash, unchanged: no other change came between); with `redeemed`, also only while
   * that reset is still the pending one (the pointer stays: the used request answers "used" from
   * then on).
   */
  changePassword(loginId: string, change: PasswordChange): Promise<boolean>;
  /** The new login email, only while `tokenHash` is still the pending email change. */
  changeEmail(loginId: string, tokenHash: string, email: string): Promise<boolean>;
  /** Ops: the letter's address block, in place of the one kept. False when there is no such account. */
  setLetterAddress(loginId: string, letter: LetterAddress): Promise<boolean>;
  /** Ops: disable (with why and by whom) an account not disabled. False when it does not exist or is disabled already. */
  setDisabled(loginId: string, disabled: NonNullable<Account['disabled']>): Promise<boolean>;
  /**
   * Ops: enable a disabled account; `at` counts as activity for the inactivity rule (its warning
   * goes). False when it does not exist or is not disabled.
   */
  enable(loginId: string, at: string): Promise<boolean>;
  /**
   * Ops: a new initial password for an account still invited (the old one stops working, its
   * pending registration is voided). False when the account is not invited (or does not exist).
   */
  reissueInitialPassword(loginId: string, issued: IssuedInitialPassword): Promise<boolean>;
  /**
   * Ops: a registered account back to the letter stage: invited with a new initial password and
   * `passwordHistory`, its email removed (free again), pending reset and email change voided.
   * Only while it is registered under `email`; false otherwise.
   */
  resetRegistration(loginId: string, email: string, changes: IssuedInitialPassword & { passwordHistory: string[] }): Promise<boolean>;
  /** Accounts whose letter is still to be produced. */
  pendingLetters(): Promise<Account[]>;
  /** Takes the sealed password of the letter issued at `issuedAt`: true exactly once. */
  takeLetter(loginId: string, issuedAt: string): Promise<boolean>;
  /**
   * Keeps this login time and, in the same write, the stored one as the one before it, the
   * account's known browsers as this sign-in leaves them (device-id.ts); the inactivity warning
   * goes (the next one is for the next idle period).
   */
  recordLogin(loginId: string, at: string, knownDevices: string[]): Promise<void>;
  /** Every registered account, a page at a time (the inactivity rule reads them all once a day). */
  registeredAccounts(): AsyncIterable<Account[]>;
  /**
   * The inactivity warning sent at `at`, only while the account is registered, not disabled, and
   * its activity is still what was `read` (no sign-in, enable or other warning came between).
   */
  recordInactivityWarning(loginId: string, at: string, read: InactivityRead): Promise<boolean>;
  /** Takes back the warning recorded at `at` (its email was not sent), so the next run sends it. */
  withdrawInactivityWarning(loginId: string, at: string): Promise<void>;
  /** Disables by the inactivity rule, only while not disabled and still warned at `warnedAt` (no sign-in since). */
  disableInactive(loginId: string, disabled: NonNullable<Account['disabled']>, warnedAt: string): Promise<boolean>;
}

/** What the inactivity rule read of an account's activity, for the conditional write of its warning. */
export type InactivityRead = Pick<Account, 'lastLoginAt' | 'enabledAt' | 'inactivityWarnedAt'>;

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
  /**
   * Release and markUsed act only on the claim made at `claimedAt`: a submission whose claim went
   * stale and was taken over by another leaves the request to that one.
   */
  release(tokenHash: string, claimedAt: string): Promise<void>;
  markUsed(tokenHash: string, claimedAt: string): Promise<void>;
}

export interface SessionStore {
  put(session: Session): Promise<void>;
  get(sessionIdHash: string): Promise<Session | undefined>;
  touch(sessionIdHash: string, at: string): Promise<void>;
  /** The merchant proved themselves again in this session at `at` (also a sign of life). */
  recordProof(sessionIdHash: string, at: string): Promise<void>;
  /** The session's first second factor is set up: it may be used fully from now on. */
  liftSetupRequired(sessionIdHash: string): Promise<void>;
  delete(sessionIdHash: string): Promise<void>;
  /** Ends every session of the account but `keep` (the one that changed the password). */
  deleteAllOf(loginId: string, keep?: string): Promise<number>;
  /**
   * Every stored session of the account, expired ones included (the caller judges), through the
   * login-ID index: a session started a moment ago may be missing for that moment.
   */
  listOf(loginId: string): Promise<Session[]>;
}

/** Steps held by a browser (see PendingStep); expiry is judged by the use cases. */
export interface StepStore {
  put(step: PendingStep): Promise<void>;
  get(stepIdHash: string): Promise<PendingStep | undefined>;
  /** Removes the step and returns it: to exactly one of any number of parallel callers. */
  take(stepIdHash: string): Promise<PendingStep | undefined>;
}

/** Every second factor of every account; each kind's own reads and writes are added by its feature. */
export interface FactorStore {
  /** Every factor record of the account (for the home page, the sign-in step and ops). */
  listOf(loginId: string): Promise<FactorRecord[]>;
  /** Ops reset-mfa: removes every factor of the account; how many there were. */
  removeAllOf(loginId: string): Promise<number>;
}

/**
 * The passkeys' reads and writes over the factors table. Sign-in decisions read by key
 * (consistently), never through the login-ID index.
 */
export interface PasskeyStore {
  /** The account's WebAuthn user handle: the stored one, or `proposed` kept from now on. */
  userHandle(loginId: string, proposed: string): Promise<string>;
  /** The stored handle alone (a passkey sign-in compares the one the passkey gives). */
  storedUserHandle(loginId: string): Promise<string | undefined>;
  /** Adds a passkey; false when its credential ID is stored already (it is never overwritten). */
  addPasskey(passkey: PasskeyRecord): Promise<boolean>;
  getPasskey(credentialId: string): Promise<PasskeyRecord | undefined>;
  passkeysOf(loginId: string): Promise<PasskeyRecord[]>;
  /** After a verified use: the new counter and backup state; only while it is still stored. */
  recordPasskeyUse(credentialId: string, use: Pick<PasskeyRecord, 'counter' | 'deviceType' | 'backedUp' | 'lastUsedAt'>): Promise<void>;
  /** False unless the passkey exists and is the account's. */
  renamePasskey(credentialId: string, loginId: string, name: string): Promise<boolean>;
  removePasskey(credentialId: string, loginId: string): Promise<boolean>;
}

/** A WebAuthn response as the browser sends it (the library judges its shape). */
export interface PasskeyResponse {
  id: string;
  [field: string]: unknown;
}

/** Options for the browser's WebAuthn call, as JSON. */
export type PasskeyOptions = Record<string, unknown>;

export type CeremonyResult<T> = ({ ok: true } & T) | { ok: false; reason: string };

/**
 * The WebAuthn ceremonies (a library's, never our own): options for the browser and the
 * verification of what it answers. `reason` is for the audit and names no challenge or key.
 */
export interface PasskeyCeremonies {
  registrationOptions(input: {
    rpName: string;
    rpId: string;
    userHandle: string;
    userName: string;
    challenge: string;
    exclude: Pick<PasskeyRecord, 'credentialId' | 'transports'>[];
  }): Promise<PasskeyOptions>;
  verifyRegistration(input: {
    response: PasskeyResponse;
    challenge: string;
    origin: string;
    rpId: string;
  }): Promise<CeremonyResult<Pick<PasskeyRecord, 'credentialId' | 'publicKey' | 'counter' | 'transports' | 'deviceType' | 'backedUp'>>>;
  authenticationOptions(input: {
    rpId: string;
    challenge: string;
    allow: Pick<PasskeyRecord, 'credentialId' | 'transports'>[];
  }): Promise<PasskeyOptions>;
  verifyAuthentication(input: {
    response: PasskeyResponse;
    challenge: string;
    origin: string;
    rpId: string;
    passkey: PasskeyRecord;
  }): Promise<CeremonyResult<Pick<PasskeyRecord, 'counter' | 'deviceType' | 'backedUp'> & { userHandle?: string }>>;
}

/**
 * The factors checked by a code, over the same table as FactorStore: the authenticator app and
 * the recovery codes. Every read a sign-in decides on is consistent (by key, never the index).
 */
export interface CodeFactorStore {
  authenticatorOf(loginId: string): Promise<AuthenticatorRecord | undefined>;
  /** Stores a set-up waiting for its first code; false when a confirmed app is there already. */
  putPendingAuthenticator(record: AuthenticatorRecord): Promise<boolean>;
  /** The pending app sealed as `sealedSecret` becomes a factor, its code's step taken; false when it is no longer that one. */
  confirmAuthenticator(loginId: string, sealedSecret: string, step: number, at: string): Promise<boolean>;
  /** Takes a code's time step: only while it is later than the last one taken (one of parallel uses wins). */
  takeAuthenticatorStep(loginId: string, step: number, at: string): Promise<boolean>;
  /** False when there was none. */
  removeAuthenticator(loginId: string): Promise<boolean>;
  recoveryCodesOf(loginId: string): Promise<RecoveryCodesRecord | undefined>;
  /** A new set, replacing (voiding) the old one. */
  putRecoveryCodes(record: RecoveryCodesRecord): Promise<void>;
  /** Removes one code by its hash: how many are left, or undefined when it is not (or no longer) in the set. */
  takeRecoveryCode(loginId: string, codeHash: string, at: string): Promise<number | undefined>;
  removeRecoveryCodes(loginId: string): Promise<void>;
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
  setPassword(email: string, password: string): Promise<void>;
  /** The user's sign-in email (the username) becomes `newEmail`. */
  changeEmail(email: string, newEmail: string): Promise<void>;
  /** Deletes the user (ops reset-registration); false when there was no such user. */
  removeUser(email: string): Promise<boolean>;
}

export interface Email {
  to: string;
  subject: string;
  text: string;
}

export interface Mailer {
  send(email: Email): Promise<void>;
}

type AuditOutcome = 'success' | 'failure';

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
