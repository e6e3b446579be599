import { hashToken } from '../completion-token';
import { LinkInvalidError, type LinkProblem } from '../errors';
import type { Account, PendingRequest } from '../model';
import type { AccountStore, AuditLog, Clock, RequestStore } from '../ports';

export interface OpenRegistrationDeps {
  accounts: AccountStore;
  requests: RequestStore;
  audit: AuditLog;
  clock: Clock;
}

export interface OpenRegistration {
  request: PendingRequest;
  account: Account;
}

/**
 * Finds the registration a completion URL stands for and says why it cannot be used, if so.
 * Expiry is judged here, on every read: DynamoDB's TTL only tidies up, days late.
 */
export async function openRegistration(token: string, deps: OpenRegistrationDeps): Promise<OpenRegistration> {
  const tokenHash = hashToken(token);
  const request = await deps.requests.get(tokenHash);
  const account = request && (await deps.accounts.get(request.loginId));
  const problem = ((): LinkProblem | undefined => {
    if (!request || !account || request.kind !== 'registration') return 'unknown';
    if (request.status === 'used' || account.status === 'registered') return 'used';
    if (request.status === 'voided') return 'voided';
    if (account.pendingTokenHash !== tokenHash || account.status !== 'invited') return 'replaced';
    if (request.expiresAt <= deps.clock.now().toISOString()) return 'expired';
    return undefined;
  })();
  if (problem) {
    deps.audit.record({ event: 'registration.link-refused', outcome: 'failure', loginId: request?.loginId, reason: problem });
    throw new LinkInvalidError(problem);
  }
  return { request: request!, account: account! };
}
