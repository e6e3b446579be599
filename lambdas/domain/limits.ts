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

/** Mail-sending requests are counted per account and per address mailed. */
export const mailKeys = {
  account: (loginId: string) => `mail#account#${loginId}`,
  address: (email: string) => `mail#address#${email.toLowerCase()}`,
};
