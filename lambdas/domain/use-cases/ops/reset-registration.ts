import { AccountStateError } from '../../errors';
import { issueInitialPassword, type IssueInitialPasswordDeps } from '../../initial-letter';
import { unlock } from '../../lockout';
import { HISTORY_SIZE } from '../../password-policy';
import type { AccountStore, AuditLog, Identity, LimitStore, SessionStore } from '../../ports';

export interface ResetRegistrationDeps extends IssueInitialPasswordDeps {
  accounts: AccountStore;
  sessions: SessionStore;
  identity: Identity;
  limits: LimitStore;
  audit: AuditLog;
}

export interface RegistrationReset {
  loginId: string;
  initialPassword: string;
  initialPasswordExpiresAt: string;
  /** The address the account had (ops see it; the audit line masks it). */
  previousEmail: string;
  sessionsEnded: number;
  disabled: boolean;
}

/**
 * Ops, for a registered merchant who lost access to their email (after the identity check of the
 * support procedure): back to the letter stage; the merchant then registers again, with a new
 * email, from the new letter.
 * 1. The account must exist and be registered with an email; otherwise refused (audited), one
 *    still at the letter stage pointed to reissue.
 * 2. A new initial password is issued (sealed for its one letter, to the address the account
 *    keeps).
 * 3. The directory user is deleted and every session ends. Both go first since both can be done
 *    again: a user already gone counts as removed.
 * 4. In one conditional write, only while the account is still registered under the email read,
 *    it becomes invited with the new initial password; its email is removed and free again; its
 *    password history is kept with the new initial password as its newest; pending password
 *    reset and email change are voided. If the account changed meanwhile, refused (audited).
 *    Until this write the account is still registered, and running the command again finishes
 *    the job.
 * 5. The first-login lock of the ID is cleared.
 * 6. Audited with the operator's reason; the new password and the previous email are returned.
 */
export async function resetRegistration(
  loginId: string,
  change: { reason: string; operator: string },
  deps: ResetRegistrationDeps,
): Promise<RegistrationReset> {
  const { accounts, audit } = deps;
  const refuse = (problem: string, message: string, email?: string): never => {
    // `reason` says why it failed; the operator's reason for the reset goes along as `requestReason`.
    audit.record({
      event: 'account.registration-reset',
      outcome: 'failure',
      loginId,
      email,
      reason: problem,
      requestReason: change.reason,
      operator: change.operator,
    });
    throw new AccountStateError(loginId, message);
  };

  const account = await accounts.get(loginId);
  if (!account) return refuse('unknown login ID', `No account ${loginId}.`);
  if (account.status !== 'registered' || !account.email) {
    return refuse(
      'account invited',
      `${loginId} is not registered (still at the letter stage): for a letter that never arrived, use reissue.`,
    );
  }
  const email = account.email;

  const { initialPassword, stored } = await issueInitialPassword(loginId, deps);
  await deps.identity.removeUser(email);
  const sessionsEnded = await deps.sessions.deleteAllOf(loginId);
  // The new initial password is the newest the account has had, so it counts first in the history.
  const passwordHistory = [stored.initialPasswordHash, ...account.passwordHistory].slice(0, HISTORY_SIZE);
  if (!(await accounts.resetRegistration(loginId, email, { ...stored, passwordHistory }))) {
    return refuse(
      'account changed meanwhile',
      `${loginId} changed while it was being reset (its email or state); its sign-in user is removed already. ` +
        `Check \`status ${loginId}\` and run reset-registration again.`,
      email,
    );
  }
  await unlock(deps.limits, 'first-login', loginId);

  audit.record({
    event: 'account.registration-reset',
    outcome: 'success',
    loginId,
    email,
    reason: change.reason,
    operator: change.operator,
    sessionsEnded,
    initialPasswordExpiresAt: stored.initialPasswordExpiresAt,
  });
  return {
    loginId,
    initialPassword,
    initialPasswordExpiresAt: stored.initialPasswordExpiresAt,
    previousEmail: email,
    sessionsEnded,
    disabled: !!account.disabled,
  };
}
