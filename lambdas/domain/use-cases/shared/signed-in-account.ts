import { SecondFactorSetupRequiredError, SessionRequiredError } from '../../errors';
import { isActive, type Account, type Session } from '../../model';
import type { AccountStore } from '../../ports';
import { currentSession, type CurrentSessionDeps, type SessionActivity } from './current-session';

export interface SignedInDeps extends CurrentSessionDeps {
  accounts: AccountStore;
}

/**
 * The account behind a session, only while it may be used: a disabled account's sessions end at
 * its next request (the local Cognito emulator would still let it sign in; this is the product's
 * own check).
 * 1. The cookie's session must stand (currentSession).
 * 2. Its account is read; unless it is registered, not disabled and has an email, the session is
 *    deleted, its end audited, and there is no session.
 * 3. A session that must set up a second factor first (the required policy) reaches only the
 *    calls that say so (`duringSetup`): the set-up itself, who is signed in, re-proof, the idle
 *    time, logout.
 * `activity` says how the call counts towards the idle time (currentSession); a use by default.
 */
export async function signedInAccount(
  sessionId: string | undefined,
  deps: SignedInDeps,
  options: { duringSetup?: boolean; activity?: SessionActivity } = {},
): Promise<{ session: Session; account: Account & { email: string } }> {
  const session = await currentSession(sessionId, deps, options.activity);
  const account = await deps.accounts.get(session.loginId);
  if (!isActive(account)) {
    await deps.sessions.delete(session.sessionIdHash);
    deps.audit.record({
      event: 'session.ended',
      outcome: 'success',
      loginId: session.loginId,
      reason: account?.disabled ? 'account disabled' : 'account inactive',
    });
    throw new SessionRequiredError('unknown');
  }
  if (session.setupRequired && !options.duringSetup) throw new SecondFactorSetupRequiredError();
  return { session, account };
}
