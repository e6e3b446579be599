import { TooManyRequestsError } from './errors';
import type { RateRule } from './limits';
import type { AuditLog, LimitStore } from './ports';

/**
 * No mail-bombing: every request that sends mail takes one use per account and one per address
 * mailed, within the rate's window. Addresses are counted whether registered or not.
 */
export const mailKeys = {
  account: (loginId: string) => `mail#account#${loginId}`,
  address: (email: string) => `mail#address#${email.toLowerCase()}`,
};

export interface MailRateDeps {
  limits: LimitStore;
  mailRate: RateRule;
  audit: AuditLog;
}

/**
 * Takes one mail for `to` (per account when `loginId` is known, then per address); when either
 * is used up, audits `event` as refused for the mail rate and throws TooManyRequestsError.
 */
export async function takeMailRate(event: string, to: { loginId?: string; email: string }, deps: MailRateDeps, now: Date): Promise<void> {
  const keys = [...(to.loginId === undefined ? [] : [mailKeys.account(to.loginId)]), mailKeys.address(to.email)];
  for (const key of keys) {
    if (!(await deps.limits.take(key, deps.mailRate, now))) {
      const who = to.loginId === undefined ? {} : { loginId: to.loginId };
      deps.audit.record({ event, outcome: 'failure', ...who, email: to.email, reason: 'mail rate limit' });
      throw new TooManyRequestsError();
    }
  }
}
