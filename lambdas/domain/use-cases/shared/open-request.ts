import { hashToken } from '../../completion-token';
import { LinkInvalidError } from '../../errors';
import type { LinkProblem } from '../../link-wording';
import { PENDING_TOKEN_ATTRIBUTE, type Account, type PendingRequest, type RequestKind } from '../../model';
import type { AccountStore, AuditLog, Clock, RequestStore } from '../../ports';

export interface OpenRequestDeps {
  accounts: AccountStore;
  requests: RequestStore;
  audit: AuditLog;
  clock: Clock;
}

export interface OpenRequest {
  request: PendingRequest;
  account: Account;
}

/** How each kind's events are named in the audit trail. */
export const AUDIT_PREFIX: Record<RequestKind, string> = {
  registration: 'registration',
  passwordReset: 'password-reset',
  emailChange: 'email-change',
};

/** The account state a kind of request needs: invited to register, registered for the others. */
const NEEDED_STATUS: Record<RequestKind, Account['status']> = {
  registration: 'invited',
  passwordReset: 'registered',
  emailChange: 'registered',
};

function problemWith(
  kind: RequestKind,
  tokenHash: string,
  request: PendingRequest | undefined,
  account: Account | undefined,
  now: string,
): LinkProblem | undefined {
  if (!request || !account || request.kind !== kind || account.disabled) return 'unknown';
  if (request.status === 'used') return 'used';
  if (request.status === 'voided') return 'voided';
  if (kind === 'registration' && account.status === 'registered') return 'used';
  if (account[PENDING_TOKEN_ATTRIBUTE[kind]] !== tokenHash || account.status !== NEEDED_STATUS[kind]) return 'replaced';
  // A reset mailed to an address the account has since left must not work for whoever holds it.
  if (kind === 'passwordReset' && request.email !== account.email) return 'replaced';
  if (request.expiresAt <= now) return 'expired';
  return undefined;
}

/**
 * Finds the request a completion URL stands for and says why it cannot be used, if so.
 * Expiry is judged here, on every read: DynamoDB's TTL only tidies up, days late.
 * 1. The request is read by the token's hash, and then the account it belongs to.
 * 2. Judged in this order: no such request or account, another kind, or a disabled account:
 *    unknown; used; voided; a registration whose account is registered already: used; no longer
 *    the account's live request of its kind, or the account not in the state the kind needs:
 *    replaced; a reset mailed to an address the account has since left: replaced; past its end:
 *    expired.
 * 3. A refused link is audited; a good one comes back with its account.
 */
export async function openRequest(kind: RequestKind, token: string, deps: OpenRequestDeps): Promise<OpenRequest> {
  const tokenHash = hashToken(token);
  const request = await deps.requests.get(tokenHash);
  const account = request && (await deps.accounts.get(request.loginId));
  const problem = problemWith(kind, tokenHash, request, account, deps.clock.now().toISOString());
  if (problem) {
    deps.audit.record({ event: `${AUDIT_PREFIX[kind]}.link-refused`, outcome: 'failure', loginId: request?.loginId, reason: problem });
    throw new LinkInvalidError(problem);
  }
  return { request: request!, account: account! };
}
