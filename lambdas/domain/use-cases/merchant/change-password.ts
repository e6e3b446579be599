import type { MailWording } from '../../emails/common';
import { passwordChangedEmail } from '../../emails/notices';
import { ChangedMeanwhileError, PasswordPolicyError } from '../../errors';
import { verifyPassword } from '../../password-hash';
import { historyWith, refuseRecentPassword } from '../../password-history';
import { passwordViolations } from '../../password-policy';
import type { Mailer, Random } from '../../ports';
import { checkCurrentPassword, type CheckCurrentPasswordDeps } from '../shared/check-current-password';
import { sendNotice } from '../shared/send-notice';
import { signedInAccount, type SignedInDeps } from '../shared/signed-in-account';

export interface ChangePasswordDeps extends SignedInDeps, CheckCurrentPasswordDeps {
  /** The new password's salt. */
  random: Random;
  mailer: Mailer;
  wording: MailWording;
}

/**
 * パスワード変更 (signed in).
 * 1. The session must stand for an active account (signedInAccount).
 * 2-3. The current password must be right (checkCurrentPassword: the login lock guards it, wrong
 *    guesses count towards it, each refusal audited).
 * 4. The new one must meet the policy and not be one of the last 4; a refusal is audited.
 * 5. The history gets the new password first, only while it is still the one read, and the
 *    current password is the one it names; else another change came first (or is under way)
 *    and ChangedMeanwhileError is answered, audited, with nothing changed. Cognito only then;
 *    if Cognito fails, the history is put back (only while it is still this change's).
 * 6. Every other session ends, this one stays.
 * 7. The change is audited and a notice is sent (a notice that fails is only logged).
 */
export async function changePassword(
  sessionId: string | undefined,
  input: { currentPassword: string; newPassword: string; newPasswordConfirmation: string },
  deps: ChangePasswordDeps,
): Promise<void> {
  const { audit } = deps;
  const { session, account } = await signedInAccount(sessionId, deps);
  const { loginId, email } = account;
  const now = deps.clock.now();
  const line = (reason: string) => ({ event: 'password.changed', outcome: 'failure', loginId, email, reason }) as const;
  const refuse = (reason: string) => audit.record(line(reason));

  await checkCurrentPassword(account, input.currentPassword, line, deps, now);

  const violations = passwordViolations(input.newPassword, { email, loginId, confirmation: input.newPasswordConfirmation });
  if (violations.length > 0) {
    refuse(violations.map((v) => v.rule).join(','));
    throw new PasswordPolicyError(violations.map(({ rule, message }) => ({ rule, message })));
  }
  await refuseRecentPassword(input.newPassword, account, () => refuse('history'));

  const from = account.passwordHistory;
  const to = await historyWith(input.newPassword, account, deps.random);
  // Cognito took the current password; a history naming another was written by a change
  // elsewhere that is about to set it in Cognito.
  const historyAgrees = from[0] !== undefined && (await verifyPassword(input.currentPassword, from[0]));
  if (!historyAgrees || !(await deps.accounts.changePassword(loginId, { from, to }))) {
    refuse('changed meanwhile');
    throw new ChangedMeanwhileError();
  }
  try {
    await deps.identity.setPassword(email, input.newPassword);
  } catch (error) {
    await deps.accounts.changePassword(loginId, { from: to, to: from });
    throw error;
  }
  const ended = await deps.sessions.deleteAllOf(loginId, session.sessionIdHash);
  audit.record({ event: 'password.changed', outcome: 'success', loginId, email, sessionsEnded: ended });
  await sendNotice(deps, passwordChangedEmail(email, now.toISOString(), deps.wording), loginId);
}
