import type { MailWording } from '../../emails/common';
import { passwordChangedEmail } from '../../emails/notices';
import { ChangedMeanwhileError, LinkInvalidError } from '../../errors';
import { isActive } from '../../model';
import { historyWith } from '../../password-history';
import type { Identity, Mailer, Random, SessionStore } from '../../ports';
import { newPasswordRedemption, refusingRecentPassword, type NewPasswordSubmission } from '../shared/new-password-redemption';
import { redeemRequest, type RedeemRequestDeps } from '../shared/redeem-request';
import { sendNotice } from '../shared/send-notice';

/** The reset page has no current password to check: only submitting again is asked for. */
const CHANGED_MEANWHILE_MESSAGE = '別の画面でパスワードが変更されました。もう一度お試しください。';

export interface CompletePasswordResetDeps extends RedeemRequestDeps {
  /** The new password's salt. */
  random: Random;
  identity: Identity;
  sessions: SessionStore;
  mailer: Mailer;
  wording: MailWording;
}

/**
 * パスワード再設定 → 設定: a new password for a merchant who forgot theirs.
 * 1. The link, the policy and the passcode are judged, and the request claimed and used up, as
 *    for every two-email request (redeemRequest); steps 2 and 3 run inside it.
 * 2. None of the last 4 passwords; a refusal is audited.
 * 3. The history gets the new password, only while this reset is still the live one (else the
 *    link answers "replaced") and the history is still the one read (else ChangedMeanwhileError:
 *    a change elsewhere came first; submitting again works); then Cognito. If Cognito fails,
 *    the history is put back, only while it is still this reset's.
 * 4. Every session of the account ends (whoever knew the old password is out); the reset is
 *    audited.
 * 5. A notice goes to the merchant (a notice that fails is only logged).
 */
export async function completePasswordReset(input: NewPasswordSubmission, deps: CompletePasswordResetDeps) {
  const { request } = await redeemRequest('passwordReset', newPasswordRedemption(input), deps, {
    check: refusingRecentPassword('passwordReset', input.newPassword, deps.audit),
    // The account first, on the condition that this reset is still the live one and no change
    // came between; Cognito only then, since a password set there cannot be taken back. If
    // Cognito fails, the history is.
    apply: async ({ account, request }) => {
      const [from, to] = [account.passwordHistory, await historyWith(input.newPassword, account, deps.random)];
      if (!(await deps.accounts.changePassword(account.loginId, { from, to, redeemed: { tokenHash: request.tokenHash } }))) {
        // Still live, so another change came between; the claim is released and submitting again
        // reads the account as it is now.
        const now = await deps.accounts.get(account.loginId);
        const changedMeanwhile = isActive(now) && now.pendingResetTokenHash === request.tokenHash;
        throw changedMeanwhile ? new ChangedMeanwhileError(CHANGED_MEANWHILE_MESSAGE) : new LinkInvalidError('replaced');
      }
      try {
        await deps.identity.setPassword(request.email, input.newPassword);
      } catch (error) {
        await deps.accounts.changePassword(account.loginId, { from: to, to: from });
        throw error;
      }
    },
  });
  const ended = await deps.sessions.deleteAllOf(request.loginId);
  deps.audit.record({
    event: 'password-reset.completed',
    outcome: 'success',
    loginId: request.loginId,
    email: request.email,
    sessionsEnded: ended,
  });
  await sendNotice(deps, passwordChangedEmail(request.email, deps.clock.now().toISOString(), deps.wording), request.loginId);
}
