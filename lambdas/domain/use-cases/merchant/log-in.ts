import { InvalidCredentialsError } from '../../errors';
import { isActive } from '../../model';
import type { LockoutRule } from '../../limits';
import { lockoutGuard } from '../../lockout';
import type { AccountStore, AuditLog, Clock, Identity, LimitStore } from '../../ports';
import { startSession, type StartSessionDeps } from '../shared/start-session';

export interface LogInDeps extends StartSessionDeps {
  accounts: AccountStore;
  identity: Identity;
  limits: LimitStore;
  lockout: LockoutRule;
  audit: AuditLog;
  clock: Clock;
}

/**
 * ログイン with the registered email and password.
 * 1. A locked email is refused with the answer a wrong password gets, before Cognito is asked
 *    (audited, not counted).
 * 2. Cognito judges the password; the account must be registered under this very email and not
 *    disabled. Failures count towards the lock and are audited under the login ID the email
 *    belongs to, when there is one; a success clears the count.
 * 3. The session starts (startSession): stored by its hash, the login time kept, audited; the
 *    id goes to the cookie.
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

  return startSession(account, 'password', deps, now);
}
