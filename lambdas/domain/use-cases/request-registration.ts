import { hashToken, newCompletionToken } from '../completion-token';
import { EmailUnavailableError, InvalidCredentialsError, MailNotSentError, TooManyRequestsError } from '../errors';
import { lockoutKey, mailKeys, type LockoutRule, type RateRule } from '../limits';
import type { PendingRequest } from '../model';
import { hashPasscode, newPasscode } from '../passcode';
import { DECOY_HASH, verifyPassword } from '../password-hash';
import type { AccountStore, AuditLog, Clock, LimitStore, Mailer, Random, RequestStore } from '../ports';
import { registrationPasscodeEmail, registrationUrlEmail, type MailWording } from '../registration-emails';

export interface RequestRegistrationDeps {
  accounts: AccountStore;
  requests: RequestStore;
  limits: LimitStore;
  lockout: LockoutRule;
  mailRate: RateRule;
  mailer: Mailer;
  audit: AuditLog;
  clock: Clock;
  random: Random;
  passcodeKey: string;
  siteUrl: string;
  wording: MailWording;
}

export interface RegistrationApplication {
  loginId: string;
  initialPassword: string;
  email: string;
}

/**
 * First login (初回メールアドレス登録): the letter's ID and password plus the email to register.
 * 1. Check the initial login ID and password (same answer and cost for every kind of wrong,
 *    a locked ID included); 5 consecutive failures lock the ID for 15 minutes.
 * 2. Refuse an email another merchant already logs in with.
 * 3. Limit the mails per account and per address, so nobody can mail-bomb an inbox.
 * 4. Store a new request (token and passcode hashes only) and make it the account's only one,
 *    which voids any earlier link and passcode.
 * 5. Send the two emails: the completion URL, then the passcode.
 */
export async function requestRegistration(application: RegistrationApplication, deps: RequestRegistrationDeps) {
  const { accounts, requests, limits, audit, clock } = deps;
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

  for (const key of mailKeys(account.loginId, email)) {
    if (!(await limits.take(key, deps.mailRate, now))) {
      audit.record({ event: 'registration.requested', outcome: 'failure', loginId: account.loginId, email, reason: 'mail rate limit' });
      throw new TooManyRequestsError();
    }
  }

  const token = newCompletionToken(deps.random);
  const passcode = newPasscode(deps.random);
  const tokenHash = hashToken(token);
  const request: PendingRequest = {
    tokenHash,
    kind: 'registration',
    loginId: account.loginId,
    email,
    passcodeHash: hashPasscode(deps.passcodeKey, tokenHash, passcode),
    wrongPasscodes: 0,
    status: 'pending',
    createdAt: now.toISOString(),
    expiresAt: new Date(now.getTime() + deps.wording.validityMinutes * 60_000).toISOString(),
  };
  await requests.put(request);
  if (!(await accounts.replacePendingRequest(account.loginId, tokenHash))) return refuse('account no longer invited', false);

  try {
    await deps.mailer.send(registrationUrlEmail(email, `${deps.siteUrl}/passcode.html#${token}`, deps.wording));
    await deps.mailer.send(registrationPasscodeEmail(email, passcode, deps.wording));
  } catch (error) {
    audit.record({ event: 'registration.requested', outcome: 'failure', loginId: account.loginId, email, reason: 'mail not sent' });
    throw new MailNotSentError(error);
  }
  audit.record({ event: 'registration.requested', outcome: 'success', loginId: account.loginId, email, expiresAt: request.expiresAt });
}
