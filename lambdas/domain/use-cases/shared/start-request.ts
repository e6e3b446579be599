import { hashToken, newCompletionToken } from '../../completion-token';
import type { MailWording } from '../../emails/common';
import { COMPLETION_PAGE, completionUrlEmail, passcodeEmail } from '../../emails/proof';
import { MailNotSentError } from '../../errors';
import type { PendingRequest, RequestKind } from '../../model';
import { hashPasscode, newPasscode } from '../../passcode';
import type { AccountStore, AuditLog, Clock, Mailer, Random, RequestStore } from '../../ports';
import { AUDIT_PREFIX } from './open-request';

export interface StartRequestDeps {
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

/**
 * The two-email proof, for any kind of request.
 * 1. Store a new request (token and passcode hashes only, valid as long as the kind's wording
 *    says) and make it the account's only live one of its kind, which voids any earlier link and
 *    passcode. False when the account can no longer take this kind of request; nothing is mailed.
 * 2. Send the completion URL, then the passcode, to `email`; if either is not sent, the request
 *    is audited as failed and MailNotSentError thrown.
 * 3. The request is audited, with its expiry.
 */
export async function startRequest(kind: RequestKind, loginId: string, email: string, deps: StartRequestDeps): Promise<boolean> {
  const token = newCompletionToken(deps.random);
  const passcode = newPasscode(deps.random);
  const tokenHash = hashToken(token);
  const now = deps.clock.now();
  const request: PendingRequest = {
    tokenHash,
    kind,
    loginId,
    email,
    passcodeHash: hashPasscode(deps.passcodeKey, tokenHash, passcode),
    wrongPasscodes: 0,
    status: 'pending',
    createdAt: now.toISOString(),
    expiresAt: new Date(now.getTime() + deps.wording.validityMinutes * 60_000).toISOString(),
  };
  // The row first: no link reaches it until the account's pointer names it, and a pointer never names a missing row.
  await deps.requests.put(request);
  if (!(await deps.accounts.replacePendingRequest(loginId, kind, tokenHash))) return false;

  const event = `${AUDIT_PREFIX[kind]}.requested`;
  try {
    await deps.mailer.send(
      completionUrlEmail(kind, email, `${deps.siteUrl}/${COMPLETION_PAGE[kind]}#${token}`, request.expiresAt, deps.wording),
    );
    await deps.mailer.send(passcodeEmail(kind, email, passcode, request.expiresAt, deps.wording));
  } catch (error) {
    deps.audit.record({ event, outcome: 'failure', loginId, email, reason: 'mail not sent' });
    throw new MailNotSentError(error);
  }
  deps.audit.record({ event, outcome: 'success', loginId, email, expiresAt: request.expiresAt });
  return true;
}
