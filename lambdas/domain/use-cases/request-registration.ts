import { EmailUnavailableError, InvalidCredentialsError, TooManyRequestsError } from '../errors';
import { lockoutKey, mailKeys, type LockoutRule, type RateRule } from '../limits';
import { DECOY_HASH, verifyPassword } from '../password-hash';
import type { LimitStore } from '../ports';
import { startRequest, type StartRequestDeps } from './start-request';

export interface RequestRegistrationDeps extends StartRequestDeps {
  limits: LimitStore;
  lockout: LockoutRule;
  mailRate: RateRule;
}

export interface RegistrationApplication {
  loginId: string;
  initialPassword: string;
  email: string;
}

/**
 * First login (初回メールアドレス登録): the letter's ID and password plus the email to register.
 * 1. Check the initial login ID and password (same answer and cost for every kind of wrong,
 *    a locked or disabled ID included); 5 consecutive failures lock the ID for 15 minutes.
 * 2. Refuse an email another merchant already logs in with.
 * 3. Limit the mails per account and per address, so nobody can mail-bomb an inbox.
 * 4. The two-email proof (startRequest); a new request replaces the earlier one.
 */
export async function requestRegistration(application: RegistrationApplication, deps: RequestRegistrationDeps) {
  const { accounts, limits, audit, clock } = deps;
  const email = application.email.toLowerCase();
  const now = clock.now();
  const lockKey = lockoutKey('first-login', application.loginId);
  const refuse = async (reason: string, counts = true): Promise<never> => {
    const locked = counts && (await limits.recordFailure(lockKey, deps.lockout, now));
    audit.record({ event: 'registration.requested', outcome: 'failure', loginId: application.loginId, email, reason });
    if (locked) audit.record({ event: 'lockout', outcome: 'success', loginId: application.loginId, flow: 'first-login', minutes: deps.lockout.lockMinutes });
    throw new InvalidCredentialsError(reason);
  };

  const lockedUntil = await limits.lockedUntil(lockKey, now);
  const account = await accounts.get(application.loginId);
  const passwordRight = await verifyPassword(application.initialPassword, account?.initialPasswordHash ?? DECOY_HASH);
  if (lockedUntil) return refuse(`locked until ${lockedUntil.toISOString()}`, false);
  if (!account) return refuse('unknown login ID');
  if (account.disabled) return refuse('account disabled');
  if (account.status !== 'invited' || !account.initialPasswordHash) return refuse(`account ${account.status}`);
  if (!passwordRight) return refuse('wrong initial password');
  if (account.initialPasswordExpiresAt && account.initialPasswordExpiresAt <= now.toISOString()) {
    return refuse('initial password expired');
  }
  await limits.clearFailures(lockKey);

  const holder = await accounts.findByEmail(email);
  if (holder && holder.loginId !== account.loginId) {
    audit.record({ event: 'registration.requested', outcome: 'failure', loginId: account.loginId, email, reason: 'email in use' });
    throw new EmailUnavailableError();
  }

  for (const key of [mailKeys.account(account.loginId), mailKeys.address(email)]) {
    if (!(await limits.take(key, deps.mailRate, now))) {
      audit.record({ event: 'registration.requested', outcome: 'failure', loginId: account.loginId, email, reason: 'mail rate limit' });
      throw new TooManyRequestsError();
    }
  }

  if (!(await startRequest('registration', account.loginId, email, deps))) return refuse('account no longer invited', false);
}
