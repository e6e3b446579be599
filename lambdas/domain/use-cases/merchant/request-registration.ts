import { EmailUnavailableError, InvalidCredentialsError } from '../../errors';
import { canonicalEmail } from '../../email-address';
import { canonicalLoginId } from '../../login-id';
import type { RateRule } from '../../limits';
import type { LockoutRule } from '../../limits';
import { lockoutGuard } from '../../lockout';
import { takeMailRate } from '../../mail-rate';
import { DECOY_HASH, verifyPassword } from '../../password-hash';
import type { LimitStore } from '../../ports';
import { startRequest, type StartRequestDeps } from '../shared/start-request';

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
 * 1. The ID's lock, its account and the initial password are all read and judged before any
 *    answer (an unknown ID against a decoy hash), so every kind of wrong costs the same.
 * 2. A locked ID is refused (audited, not counted). An unknown, disabled or no longer invited ID,
 *    a wrong or an expired initial password: the same answer, each a counted failure; 5
 *    consecutive failures lock the ID for 15 minutes (the defaults). A success clears the count.
 * 3. Count the request per account (past the limit: 429, about this letter's account only) and
 *    per address, so nobody can mail-bomb an inbox; counted before step 4, so a letter cannot
 *    probe more addresses an hour than it may mail.
 * 4. Refuse an email another merchant already logs in with (audited). The letter's credentials
 *    were needed to get here, and the merchant must know to choose another address.
 *    An address past its hourly mails gets the answer of success and no mail (audited).
 * 5. The two-email proof (startRequest); a new request replaces the earlier one. An account no
 *    longer invited by then gets the answer of step 2 (audited, not counted).
 */
export async function requestRegistration(application: RegistrationApplication, deps: RequestRegistrationDeps) {
  const { accounts, audit, clock } = deps;
  const email = canonicalEmail(application.email);
  const loginId = canonicalLoginId(application.loginId);
  const now = clock.now();
  const lockout = lockoutGuard('first-login', loginId, deps, now);
  const refuse = async (reason: string, counts = true): Promise<never> => {
    const line = { event: 'registration.requested', outcome: 'failure', loginId, email, reason } as const;
    if (counts) await lockout.failed(line);
    else audit.record(line);
    throw new InvalidCredentialsError(reason);
  };

  const locked = await lockout.lockedReason();
  const account = await accounts.get(loginId);
  const passwordRight = await verifyPassword(application.initialPassword, account?.initialPasswordHash ?? DECOY_HASH);
  if (locked) return refuse(locked, false);
  if (!account) return refuse('unknown login ID');
  if (account.disabled) return refuse('account disabled');
  if (account.status !== 'invited' || !account.initialPasswordHash) return refuse(`account ${account.status}`);
  if (!passwordRight) return refuse('wrong initial password');
  if (account.initialPasswordExpiresAt && account.initialPasswordExpiresAt <= now.toISOString()) {
    return refuse('initial password expired');
  }
  await lockout.passed();

  const mayMail = await takeMailRate('registration.requested', { loginId: account.loginId, email }, deps, now);
  const holder = await accounts.findByEmail(email);
  if (holder && holder.loginId !== account.loginId) {
    audit.record({ event: 'registration.requested', outcome: 'failure', loginId: account.loginId, email, reason: 'email in use' });
    throw new EmailUnavailableError();
  }

  if (!mayMail) return;
  if (!(await startRequest('registration', account.loginId, email, deps))) return refuse('account no longer invited', false);
}
