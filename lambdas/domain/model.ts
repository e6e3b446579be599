/** A merchant's account, provisioned by ops from the letter and completed by the merchant. */
export interface Account {
  loginId: string;
  /** invited: letter sent, not yet registered. registered: logs in with email. */
  status: 'invited' | 'registered';
  /** Set by ops: nothing of the account works while it is here, whatever its status. */
  disabled?: { at: string; reason: string; by: string };
  /** scrypt hash of the letter's password; removed at registration so it can never work again. */
  initialPasswordHash?: string;
  initialPasswordExpiresAt?: string;
  /** Lower-cased; the login ID from registration on. */
  email?: string;
  /** The one request of each kind whose link still works; a new request replaces it. */
  pendingTokenHash?: string;
  pendingResetTokenHash?: string;
  pendingEmailChangeTokenHash?: string;
  /** scrypt hashes of the last passwords, newest first; the initial password counts. */
  passwordHistory: string[];
  /** What the letter is addressed to; kept so a letter can be printed again for a reissue. */
  letter?: LetterAddress;
  /**
   * The initial password, sealed with the ops letter key, until its one letter is produced:
   * the only place a plain initial password can be recovered from, and only once.
   */
  pendingLetter?: { sealedPassword: string; issuedAt: string; importRun?: string };
  createdAt: string;
  registeredAt?: string;
  lastLoginAt?: string;
  previousLoginAt?: string;
  /** The inactivity warning of the current idle period (lambdas/domain/inactivity.ts); a sign-in removes it. */
  inactivityWarnedAt?: string;
  /** When ops last enabled it: counts as activity, so the inactivity rule starts counting again. */
  enabledAt?: string;
  /**
   * Hashes of the device cookies of the browsers this account signed in from, newest first
   * (at most KNOWN_DEVICES_KEPT): a sign-in from any other browser mails a notice.
   */
  knownDevices?: string[];
}

/** The letter's address block. */
export interface LetterAddress {
  companyName?: string;
  contactName?: string;
  postalCode?: string;
  postalAddress?: string;
}

/** What a request proven by two emails is for. */
export type RequestKind = 'registration' | 'passwordReset' | 'emailChange';

/** Where an account keeps the token hash of its one live request of each kind. */
export const PENDING_TOKEN_ATTRIBUTE = {
  registration: 'pendingTokenHash',
  passwordReset: 'pendingResetTokenHash',
  emailChange: 'pendingEmailChangeTokenHash',
} as const satisfies Record<RequestKind, keyof Account>;

/** A request proven by two emails: completion URL (token) and passcode. */
export interface PendingRequest {
  /** SHA-256 of the URL's token; the token itself is never stored. */
  tokenHash: string;
  kind: RequestKind;
  loginId: string;
  /** The address the emails went to: the one to register, the account's, or the new one. */
  email: string;
  /** Keyed hash of the passcode, bound to this request. */
  passcodeHash: string;
  wrongPasscodes: number;
  /** completing: claimed by one submission, so a double click cannot complete twice. */
  status: 'pending' | 'completing' | 'used' | 'voided';
  createdAt: string;
  expiresAt: string;
  claimedAt?: string;
}

/**
 * The browser a request came from, as API Gateway saw it: handed to the sign-in use cases as a
 * plain value, so the domain knows nothing of HTTP.
 */
export interface Client {
  ip: string;
  userAgent: string;
  /** The browser's device cookie, when it has one (see device-id.ts). */
  deviceId?: string;
}

export interface Session {
  /** SHA-256 of the cookie's id. */
  sessionIdHash: string;
  /**
   * A random public handle of its own (never derived from the id): ログイン中の端末 names the
   * session by it, so neither the id nor its hash ever leaves the server.
   */
  sessionKey: string;
  loginId: string;
  email: string;
  createdAt: string;
  lastSeenAt: string;
  /** When the merchant last showed the password (or a passkey) in it: at sign-in, or since. */
  provedAt?: string;
  /** The absolute end; idle expiry is judged from lastSeenAt. */
  expiresAt: string;
  /**
   * Signed in under the `required` policy without any second factor: only the factor set-up (and
   * who is signed in, re-proof, logout) may be used until one is set up.
   */
  setupRequired?: boolean;
  /** Where it was opened, for ログイン中の端末: the browser's user agent (bounded) and source IP. */
  userAgent?: string;
  sourceIp?: string;
}

/** What a step held by a browser is for (see PendingStep). */
export type StepPurpose = 'second-factor' | 'passkey-sign-in' | 'passkey-registration' | 'passkey-proof';

/**
 * A step in progress that one browser holds by a random id in a cookie: the half-signed-in state
 * after a correct password (second-factor), or a WebAuthn challenge. Stored by the id's hash,
 * short-lived, and taken (deleted) by the one submission that completes it.
 */
export interface PendingStep {
  /** SHA-256 of the cookie's id. */
  stepIdHash: string;
  purpose: StepPurpose;
  /** Whose step it is; a passkey sign-in learns it only from the passkey. */
  loginId?: string;
  /** The WebAuthn challenge (base64url) the browser must sign, for the passkey purposes. */
  challenge?: string;
  createdAt: string;
  expiresAt: string;
}

/** A second factor's record, as FactorStore keeps it; each kind adds its own fields. */
export interface FactorRecord {
  loginId: string;
  kind: 'authenticator' | 'recovery-codes' | 'passkey';
  addedAt: string;
  lastUsedAt?: string;
}

/** A passkey (WebAuthn credential), stored under `passkey#${credentialId}`. */
export interface PasskeyRecord extends FactorRecord {
  kind: 'passkey';
  /** base64url, as the browser names it; unique across accounts. */
  credentialId: string;
  /** The COSE public key, base64url: public material, never a secret. */
  publicKey: string;
  /** The authenticator's signature counter; 0 for passkeys that do not count (most synced ones). */
  counter: number;
  transports?: string[];
  /** multiDevice: may be synced (backup eligible); singleDevice: bound to one device. */
  deviceType: 'singleDevice' | 'multiDevice';
  backedUp: boolean;
  /** The merchant's own name for it. */
  name: string;
}

/** The authenticator app (認証アプリ): its TOTP secret, sealed, and the last time step it took. */
export interface AuthenticatorRecord extends FactorRecord {
  kind: 'authenticator';
  /** The base32 secret sealed with the TOTP key (AES-256-GCM, bound to the login ID). */
  sealedSecret: string;
  /** Unset while the set-up waits for its first right code: not yet a factor. */
  confirmedAt?: string;
  /** The newest time step a code was taken at; that step and earlier ones are refused. */
  lastUsedStep?: number;
}

/** The merchant's current set of recovery codes (リカバリーコード), as keyed hashes; one is removed when used. */
export interface RecoveryCodesRecord extends FactorRecord {
  kind: 'recovery-codes';
  codeHashes: string[];
}

/** Active means usable by the merchant: registered and not disabled by ops. */
export function isActive(account: Account | undefined): account is Account & { email: string } {
  return !!account && account.status === 'registered' && !account.disabled && !!account.email;
}

/** What an account keeps of a newly issued initial password: its slow hash, expiry and sealed letter. */
export type IssuedInitialPassword = Required<Pick<Account, 'initialPasswordHash' | 'initialPasswordExpiresAt' | 'pendingLetter'>>;
