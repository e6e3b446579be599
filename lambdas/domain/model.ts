/** A merchant's account, provisioned by ops from the letter and completed by the merchant. */
export interface Account {
  loginId: string;
  /** invited: letter sent, not yet registered. registered: logs in with email. */
  status: 'invited' | 'registered' | 'disabled';
  /** scrypt hash of the letter's password; removed at registration so it can never work again. */
  initialPasswordHash?: string;
  initialPasswordExpiresAt?: string;
  /** Lower-cased; the login ID from registration on. */
  email?: string;
  /** The only registration request whose link still works; a new request replaces it. */
  pendingTokenHash?: string;
  /** scrypt hashes of the last passwords, newest first; the initial password counts. */
  passwordHistory: string[];
  createdAt: string;
  registeredAt?: string;
  lastLoginAt?: string;
  previousLoginAt?: string;
}

/** A request proven by two emails: completion URL (token) and passcode. */
export interface PendingRequest {
  /** SHA-256 of the URL's token; the token itself is never stored. */
  tokenHash: string;
  kind: 'registration';
  loginId: string;
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

export interface Session {
  /** SHA-256 of the cookie's id. */
  sessionIdHash: string;
  loginId: string;
  email: string;
  createdAt: string;
  lastSeenAt: string;
  /** The absolute end; idle expiry is judged from lastSeenAt. */
  expiresAt: string;
}
