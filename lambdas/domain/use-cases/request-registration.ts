import { hashToken, newCompletionToken } from '../completion-token';
import { EmailUnavailableError, InvalidCredentialsError, MailNotSentError } from '../errors';
import type { PendingRequest } from '../model';
import { hashPasscode, newPasscode } from '../passcode';
import { DECOY_HASH, verifyPassword } from '../password-hash';
import type { AccountStore, AuditLog, Clock, Mailer, Random, RequestStore } from '../ports';
import { registrationPasscodeEmail, registrationUrlEmail, type MailWording } from '../registration-emails';

export interface RequestRegistrationDeps {
  accounts: AccountStore;
  requests: RequestStore;
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
 * 1. Check the initial login ID and password (same answer and cost for every kind of wrong).
 * 2. Refuse an email another merchant already logs in with.
 * 3. Store a new request (token and passcode hashes only) and make it the account's only one,
 *    which voids any earlier link and passcode.
 * 4. Send the two emails: the completion URL, then the passcode.
 */
export async function requestRegistration(application: RegistrationApplication, deps: RequestRegistrationDeps) {
  const { accounts, requests, audit, clock } = deps;
  const email = application.email.toLowerCase();
  const fail = (reason: string): never => {
    audit.record({ event: 'registration.requested', outcome: 'failure', loginId: application.loginId, email, reason });
    throw new InvalidCredentialsError(reason);
  };

  const account = await accounts.get(application.loginId);
  const passwordRight = await verifyPassword(application.initialPassword, account?.initialPasswordHash ?? DECOY_HASH);
  if (!account) return fail('unknown login ID');
  if (account.status !== 'invited' || !account.initialPasswordHash) return fail(`account ${account.status}`);
  if (!passwordRight) return fail('wrong initial password');
  if (account.initialPasswordExpiresAt && account.initialPasswordExpiresAt <= clock.now().toISOString()) {
    return fail('initial password expired');
  }

  const holder = await accounts.findByEmail(email);
  if (holder && holder.loginId !== account.loginId) {
    audit.record({ event: 'registration.requested', outcome: 'failure', loginId: account.loginId, email, reason: 'email in use' });
    throw new EmailUnavailableError();
  }

  const token = newCompletionToken(deps.random);
  const passcode = newPasscode(deps.random);
  const tokenHash = hashToken(token);
  const now = clock.now();
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
  if (!(await accounts.replacePendingRequest(account.loginId, tokenHash))) return fail('account no longer invited');

  try {
    await deps.mailer.send(registrationUrlEmail(email, `${deps.siteUrl}/passcode.html#${token}`, deps.wording));
    await deps.mailer.send(registrationPasscodeEmail(email, passcode, deps.wording));
  } catch (error) {
    audit.record({ event: 'registration.requested', outcome: 'failure', loginId: account.loginId, email, reason: 'mail not sent' });
    throw new MailNotSentError(error);
  }
  audit.record({ event: 'registration.requested', outcome: 'success', loginId: account.loginId, email, expiresAt: request.expiresAt });
}
