import { InvalidCredentialsError } from '../errors';
import type { Session } from '../model';
import type { AccountStore, AuditLog, Clock, Identity, Random, SessionStore } from '../ports';
import { hashSessionId, newSessionId } from '../session-id';

export interface LogInDeps {
  accounts: AccountStore;
  sessions: SessionStore;
  identity: Identity;
  audit: AuditLog;
  clock: Clock;
  random: Random;
  sessionAbsoluteMinutes: number;
}

/**
 * ログイン with the registered email and password.
 * 1. Cognito judges the password; the account must be registered under this very email.
 * 2. A new session (new id at every login) is stored by its hash; the id goes to the cookie.
 * 3. The login time is kept, and the one before it, for the signed-in home.
 */
export async function logIn(credentials: { loginId: string; password: string }, deps: LogInDeps): Promise<string> {
  const { audit, clock } = deps;
  const email = credentials.loginId.trim().toLowerCase();
  const loginId = await deps.identity.verifyPassword(email, credentials.password);
  const account = loginId ? await deps.accounts.get(loginId) : undefined;
  if (!account || account.status !== 'registered' || account.email !== email) {
    const reason = !loginId ? 'wrong email or password' : `account ${account?.status ?? 'missing'}`;
    // Auditors follow one login ID: name the account the email belongs to, when there is one.
    const owner = loginId ?? (await deps.accounts.findByEmail(email))?.loginId;
    audit.record({ event: 'login', outcome: 'failure', loginId: owner, email, reason });
    throw new InvalidCredentialsError(reason);
  }

  const now = clock.now();
  const sessionId = newSessionId(deps.random);
  const session: Session = {
    sessionIdHash: hashSessionId(sessionId),
    loginId: account.loginId,
    email,
    createdAt: now.toISOString(),
    lastSeenAt: now.toISOString(),
    expiresAt: new Date(now.getTime() + deps.sessionAbsoluteMinutes * 60_000).toISOString(),
  };
  await deps.sessions.put(session);
  await deps.accounts.recordLogin(account, now.toISOString());
  audit.record({ event: 'login', outcome: 'success', loginId: account.loginId, email });
  return sessionId;
}
