import { checkCurrentPassword, type CheckCurrentPasswordDeps } from '../shared/check-current-password';
import { signedInAccount, type SignedInDeps } from '../shared/signed-in-account';

export interface ProveAgainDeps extends SignedInDeps, CheckCurrentPasswordDeps {}

/**
 * 本人確認 (signed in): the password shown again before a sensitive change.
 * 1. The session must stand for an active account (a session still to set up a factor too).
 * 2. The password must be right (checkCurrentPassword: the login lock guards it, a wrong one
 *    counts towards it and gets the answer a wrong current password gets, audited).
 * 3. The session is proved now, audited.
 */
export async function proveAgain(sessionId: string | undefined, password: string, deps: ProveAgainDeps): Promise<void> {
  const { session, account } = await signedInAccount(sessionId, deps, { duringSetup: true });
  const { loginId, email } = account;
  const now = deps.clock.now();
  const line = (reason: string) => ({ event: 'proof', outcome: 'failure', loginId, email, method: 'password', reason }) as const;

  await checkCurrentPassword(account, password, line, deps, now);
  await deps.sessions.recordProof(session.sessionIdHash, now.toISOString());
  deps.audit.record({ event: 'proof', outcome: 'success', loginId, email, method: 'password' });
}
