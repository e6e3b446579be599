/**
 * The rules the limit store counts by. Each guard owns its keys and its bookkeeping: lockout.ts
 * (guessing) and mail-rate.ts (mail-bombing).
 */
export type { LockoutRule } from './lockout';

export interface RateRule {
  /** Uses allowed per window. */
  limit: number;
  windowMinutes: number;
}
