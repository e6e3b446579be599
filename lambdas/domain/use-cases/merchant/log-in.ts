import { InvalidCredentialsError } from '../../errors';
import { canonicalEmail } from '../../email-address';
import { isActive, type Client } from '../../model';
import type { LockoutRule } from '../../limits';
import { lockoutGuard } from '../../lockout';
import type { MfaPolicy } from '../../mfa-policy';
import type { AccountStore, AuditLog, Clock, CodeFactorStore, FactorStore, Identity, LimitStore, StepStore } from '../../ports';
import { hashSessionId, newSessionId } from '../../session-id';
import { asksSecondFactor, hasSecondFactor, secondFactorMethods, type SecondFactorMethod } from '../shared/second-factors';
import { startSession, type StartedSession, type StartSessionDeps } from '../shared/start-session';

export interface LogInDeps extends StartSessionDeps {
  accounts: AccountStore;
  identity: Identity;
  limits: LimitStore;
  lockout: LockoutRule;
  audit: AuditLog;
  clock: Clock;
  factors: FactorStore;
  codeFactors: CodeFactorStore;
  steps: StepStore;
  mfaPolicy: MfaPolicy;
}

/** How long the merchant has for the second step after the password. */
export const SECOND_STEP_MINUTES = 5;

/** What the password opened: a session, the second step, or a session that must set up a factor first. */
export type LoginOutcome =
  | ({ next: 'signed-in' } & StartedSession)
  | { next: 'second-factor'; stepId: string; methods: SecondFactorMethod[] }
  | ({ next: 'setup-second-factor' } & StartedSession);

/**
 * ログイン with the registered email and password.
 * 1. A locked email is refused with the answer a wrong password gets, before Cognito is asked
 *    (audited, not counted).
 * 2. Cognito judges the password; the account must be registered under this very email and not
 *    disabled. Failures count towards the lock and are audited under the login ID the email
 *    belongs to, when there is one.
 * 3. When the stage asks for a second step and the merchant has a factor, no session is made: a
 *    step of 5 minutes is stored by its id's hash (the id goes to the step cookie) with the
 *    methods it offers. The lock's count is kept until the second step passes, so a known
 *    password cannot buy fresh code guesses.
 * 4. Otherwise a right password clears the count and the session starts (startSession): stored by
 *    its hash, the login time kept, audited; the id goes to the cookie. Under the required policy
 *    a merchant without a factor gets a session that can only set one up. `client` is the
 *    browser, for the session's record and the new-browser notice.
 */
export async function logIn(credentials: { loginId: string; password: string }, client: Client, deps: LogInDeps): Promise<LoginOutcome> {
  const { audit, clock } = deps;
  const email = canonicalEmail(credentials.loginId);
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

  const hasFactor = asksSecondFactor(deps.mfaPolicy) && (await hasSecondFactor(loginId, deps));
  if (hasFactor) {
    const stepId = newSessionId(deps.random);
    await deps.steps.put({
      stepIdHash: hashSessionId(stepId),
      purpose: 'second-factor',
      loginId,
      createdAt: now.toISOString(),
      expiresAt: new Date(now.getTime() + SECOND_STEP_MINUTES * 60_000).toISOString(),
    });
    const methods = await secondFactorMethods(loginId, deps);
    audit.record({ event: 'login.password', outcome: 'success', loginId, email, next: 'second-factor' });
    return { next: 'second-factor', stepId, methods };
  }
  await lockout.passed();
  if (deps.mfaPolicy === 'required') {
    return { next: 'setup-second-factor', ...(await startSession(account, 'password', client, deps, now, { setupRequired: true })) };
  }
  return { next: 'signed-in', ...(await startSession(account, 'password', client, deps, now)) };
}
