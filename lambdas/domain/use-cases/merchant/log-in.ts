import { InvalidCredentialsError } from '../../errors';
import { isActive, type Session } from '../../model';
import type { LockoutRule } from '../../limits';
import { lockoutGuard } from '../../lockout';
import type { AccountStore, AuditLog, Clock, Identity, LimitStore, Random, SessionStore } from '../../ports';
import { hashSessionId, newSessionId } from '../../session-id';

export interface LogInDeps {
  accounts: AccountStore;
  sessions: SessionStore;
  identity: Identity;
  limits: LimitStore;
  lockout: LockoutRule;
  audit: AuditLog;
  clock: Clock;
  random: Random;
  sessionAbsoluteMinutes: number;
}

/**
 * ログイン with the registered email and password.
 * 1. A locked email is refused with the answer a wrong password gets, before Cognito is asked
 *    (audited, not counted).
 * 2. Cognito judges the password; the account must be registered under this very email and not
 *    disabled. Failures count towards the lock and are audited under the login ID the email
 *    belongs to, when there is one; a success clears the count.
 * 3. A new session (new id at every login) is stored by its hash; the id goes to the cookie.
 * 4. The login time is kept, and the one before it, for the signed-in home; the login is audited.
 */
export async function logIn(credentials: { loginId: string; password: string }, deps: LogInDeps): Promise<string> {
  const { audit, clock } = deps;
  const email = credentials.loginId.trim().toLowerCase();
  const now = clock.now();
  const lockout = lockoutGuard('login', email, deps, now);
  const refuse = async (reason: string, loginId: string | undefined, counts = true): Promise<never> => {
    // Auditors follow one login ID: name the account the email belongs to, when there is one.
    const owner = loginId ?? (await deps.accounts.findByEmail(email))?.loginId;
    const line = { event: 'login', outcome: 'failure', loginId: owner, email, reason } as const;
    if (counts) await lockout.failed(line);
    else audit.record(line);
    throw new InvalidCredentialsError(reason);
  };

  const locked = await lockout.lockedReason();
  if (locked) return refuse(locked, undefined, false);
  const loginId = await deps.identity.verifyPassword(email, credentials.password);
  const account = loginId ? await deps.accounts.get(loginId) : undefined;
  if (!loginId) return refuse('wrong email or password', undefined);
  if (!isActive(account) || account.email !== email) {
    return refuse(account?.disabled ? 'account disabled' : `account ${account?.status ?? 'missing'}`, loginId);
  }
  await lockout.passed();

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
  await deps.accounts.recordLogin(account.loginId, now.toISOString());
  audit.record({ event: 'login', outcome: 'success', loginId: account.loginId, email });
  return sessionId;
}
