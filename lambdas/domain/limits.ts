/**
 * Guards against guessing and mail-bombing. Keys are per login ID (or per email for login), and
 * counted for IDs that do not exist too, so a lock never tells whether an ID is real.
 */
export interface LockoutRule {
  /** Consecutive failures that lock the key. */
  threshold: number;
  lockMinutes: number;
}

export interface RateRule {
  /** Uses allowed per window. */
  limit: number;
  windowMinutes: number;
}

export const lockoutKey = (flow: 'login' | 'first-login', id: string) => `lockout#${flow}#${id.trim().toLowerCase()}`;

/** Each mail-sending request is counted for the account and for the address it mails. */
export const mailKeys = (loginId: string, email: string) => [`mail#account#${loginId}`, `mail#address#${email.toLowerCase()}`];
