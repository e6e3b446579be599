import { CurrentPasswordWrongError, PasswordPolicyError } from '../errors';
import { lockoutKey, type LockoutRule } from '../limits';
import { historyWith, refuseRecentPassword } from '../password-history';
import { passwordViolations } from '../password-policy';
import type { Identity, LimitStore, Mailer } from '../ports';
import { passwordChangedEmail, type MailWording } from '../registration-emails';
import { sendNotice } from './send-notice';
import { signedInAccount, type SignedInDeps } from './signed-in-account';

export interface ChangePasswordDeps extends SignedInDeps {
  identity: Identity;
  limits: LimitStore;
  lockout: LockoutRule;
  mailer: Mailer;
  wording: MailWording;
}

/**
 * パスワード変更 (signed in).
 * 1. The current password must be right; wrong guesses count towards the login lock, so a
 *    borrowed session cannot be used to guess it.
 * 2. The new one must meet the policy and not be one of the last 4.
 * 3. Cognito and the history get it; every other session ends, this one stays; a notice is sent.
 */
export async function changePassword(
  sessionId: string | undefined,
  input: { currentPassword: string; newPassword: string; newPasswordConfirmation: string },
  deps: ChangePasswordDeps,
): Promise<void> {
  const { audit, limits } = deps;
  const { session, account } = await signedInAccount(sessionId, deps);
  const { loginId, email } = account;
  const now = deps.clock.now();
  const lockKey = lockoutKey('login', email);
  const refuse = (reason: string) => audit.record({ event: 'password.changed', outcome: 'failure', loginId, email, reason });

  const locked = await limits.lockedUntil(lockKey, now);
  const verified = !locked && (await deps.identity.verifyPassword(email, input.currentPassword)) === loginId;
  if (!verified) {
    const nowLocked = !locked && (await limits.recordFailure(lockKey, deps.lockout, now));
    refuse(locked ? 'locked' : 'wrong current password');
    if (nowLocked) audit.record({ event: 'lockout', outcome: 'success', loginId, email, flow: 'login', minutes: deps.lockout.lockMinutes });
    throw new CurrentPasswordWrongError();
  }
  await limits.clearFailures(lockKey);

  const violations = passwordViolations(input.newPassword, { email, loginId, confirmation: input.newPasswordConfirmation });
  if (violations.length > 0) {
    refuse(violations.map((v) => v.rule).join(','));
    throw new PasswordPolicyError(violations.map(({ rule, message }) => ({ rule, message })));
  }
  await refuseRecentPassword(input.newPassword, account, () => refuse('history'));

  await deps.identity.setPassword(email, input.newPassword);
  await deps.accounts.changePassword(loginId, await historyWith(input.newPassword, account));
  const ended = await deps.sessions.deleteAllOf(loginId, session.sessionIdHash);
  audit.record({ event: 'password.changed', outcome: 'success', loginId, email, sessionsEnded: ended });
  await sendNotice(deps, passwordChangedEmail(email, now.toISOString(), deps.wording), loginId);
}
