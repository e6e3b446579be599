import { TooManyRequestsError } from './errors';
import type { RateRule } from './limits';
import type { AuditLog, LimitStore } from './ports';

/**
 * No mail-bombing: every request that sends mail takes one use per account and one per address
 * mailed, within the rate's window. Addresses are counted whether registered or not.
 *
 * What each limit may say, so that no answer tells whether an address is registered:
 * - the account's limit belongs to the merchant asking (signed in, or holding the letter's ID and
 *   password): its refusal, 429, reveals nothing about anyone else;
 * - the address's limit is shared by every flow and every account (a first login and a reset
 *   mailed to one address count together), so its state depends on what others did with that
 *   address. It never changes the answer: the mail is silently not sent, and audited.
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

/** The audit reasons of a mail the rate refused. */
export const MAIL_RATE_REASON = { account: 'mail rate limit', address: 'mail rate limit (address)' } as const;

/**
 * Takes one mail for `to`: per account first when `loginId` is known, then per address.
 * - The account used up: audits `event` as refused for the mail rate and throws
 *   TooManyRequestsError (the address is not counted).
 * - The address used up: audits it and answers false. The caller sends nothing and answers
 *   exactly as if it had.
 * - Otherwise true: the mail may go.
 * Every address is counted alike, known or not, whatever the caller goes on to do.
 */
export async function takeMailRate(
  event: string,
  to: { loginId?: string; email: string },
  deps: MailRateDeps,
  now: Date,
): Promise<boolean> {
  const who = to.loginId === undefined ? {} : { loginId: to.loginId };
  const refused = (reason: string) => deps.audit.record({ event, outcome: 'failure', ...who, email: to.email, reason });
  if (to.loginId !== undefined && !(await deps.limits.take(mailKeys.account(to.loginId), deps.mailRate, now))) {
    refused(MAIL_RATE_REASON.account);
    throw new TooManyRequestsError();
  }
  if (!(await deps.limits.take(mailKeys.address(to.email), deps.mailRate, now))) {
    refused(MAIL_RATE_REASON.address);
    return false;
  }
  return true;
}
