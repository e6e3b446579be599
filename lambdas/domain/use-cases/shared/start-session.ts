import type { Account, Session } from '../../model';
import type { AccountStore, AuditLog, Random, SessionStore } from '../../ports';
import { hashSessionId, newSessionId } from '../../session-id';

export interface StartSessionDeps {
  accounts: AccountStore;
  sessions: SessionStore;
  audit: AuditLog;
  random: Random;
  sessionAbsoluteMinutes: number;
}

/** How the merchant signed in, for the audit line. */
export type SignInMethod = 'password' | 'password+totp' | 'password+recovery-code' | 'password+passkey' | 'passkey';

/**
 * The signed-in session, once every step the sign-in asks for has passed (whatever the method).
 * 1. A new session (new id at every sign-in), proved now, is stored by its hash; the id is
 *    returned for the cookie.
 * 2. The sign-in time is kept, and the one before it, for the signed-in home.
 * 3. The sign-in is audited with its method.
 * With `setupRequired` (the required policy, no factor yet) the session reaches only the factor
 * set-up until one is set up (signedInAccount).
 */
export async function startSession(
  account: Account & { email: string },
  method: SignInMethod,
  deps: StartSessionDeps,
  now: Date,
  options: { setupRequired?: boolean } = {},
): Promise<string> {
  const sessionId = newSessionId(deps.random);
  const at = now.toISOString();
  const session: Session = {
    sessionIdHash: hashSessionId(sessionId),
    loginId: account.loginId,
    email: account.email,
    createdAt: at,
    lastSeenAt: at,
    provedAt: at,
    expiresAt: new Date(now.getTime() + deps.sessionAbsoluteMinutes * 60_000).toISOString(),
    ...(options.setupRequired ? { setupRequired: true } : {}),
  };
  await deps.sessions.put(session);
  await deps.accounts.recordLogin(account.loginId, at);
  deps.audit.record({
    event: 'login',
    outcome: 'success',
    loginId: account.loginId,
    email: account.email,
    method,
    ...(options.setupRequired ? { setupRequired: true } : {}),
  });
  return sessionId;
}
