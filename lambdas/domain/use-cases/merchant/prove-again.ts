import { CurrentPasswordWrongError } from '../../errors';
import type { LockoutRule } from '../../limits';
import { lockoutGuard } from '../../lockout';
import type { Identity, LimitStore } from '../../ports';
import { signedInAccount, type SignedInDeps } from '../shared/signed-in-account';

export interface ProveAgainDeps extends SignedInDeps {
  identity: Identity;
  limits: LimitStore;
  lockout: LockoutRule;
}

/**
 * 本人確認 (signed in): the password shown again before a sensitive change.
 * 1. The session must stand for an active account (a session still to set up a factor too).
 * 2. While the email's login lock holds, it is refused as a wrong password (audited, not counted).
 * 3. A wrong password counts towards the login lock, with the answer a wrong current password
 *    gets; a right one clears the count and the session is proved now, audited.
 */
export async function proveAgain(sessionId: string | undefined, password: string, deps: ProveAgainDeps): Promise<void> {
  const { session, account } = await signedInAccount(sessionId, deps, { duringSetup: true });
  const { loginId, email } = account;
  const now = deps.clock.now();
  const lockout = lockoutGuard('login', email, deps, now);
  const line = (reason: string) => ({ event: 'proof', outcome: 'failure', loginId, email, method: 'password', reason }) as const;

  const locked = await lockout.lockedReason();
  if (locked) {
    deps.audit.record(line(locked));
    throw new CurrentPasswordWrongError();
  }
  if ((await deps.identity.verifyPassword(email, password)) !== loginId) {
    await lockout.failed(line('wrong password'));
    throw new CurrentPasswordWrongError();
  }
  await lockout.passed();
  await deps.sessions.recordProof(session.sessionIdHash, now.toISOString());
  deps.audit.record({ event: 'proof', outcome: 'success', loginId, email, method: 'password' });
}
