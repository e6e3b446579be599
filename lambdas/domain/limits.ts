/**
 * The rules the limit store counts by. Each guard owns its keys and its bookkeeping: lockout.ts
 * (guessing) and mail-rate.ts (mail-bombing).
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
