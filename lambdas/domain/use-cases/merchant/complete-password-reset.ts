import type { MailWording } from '../../emails/common';
import { passwordChangedEmail } from '../../emails/notices';
import { LinkInvalidError } from '../../errors';
import { historyWith } from '../../password-history';
import type { Identity, Mailer, Random, SessionStore } from '../../ports';
import { newPasswordRedemption, refusingRecentPassword, type NewPasswordSubmission } from '../shared/new-password-redemption';
import { redeemRequest, type RedeemRequestDeps } from '../shared/redeem-request';
import { sendNotice } from '../shared/send-notice';

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
 * 3. The history gets the new password, only while this reset is still the live one; then
 *    Cognito. If Cognito fails, the history is put back.
 * 4. Every session of the account ends (whoever knew the old password is out); the reset is
 *    audited.
 * 5. A notice goes to the merchant (a notice that fails is only logged).
 */
export async function completePasswordReset(input: NewPasswordSubmission, deps: CompletePasswordResetDeps) {
  const { request } = await redeemRequest('passwordReset', newPasswordRedemption(input), deps, {
    check: refusingRecentPassword('passwordReset', input.newPassword, deps.audit),
    // The account first, on the condition that this reset is still the live one; Cognito only
    // then, since a password set there cannot be taken back. If Cognito fails, the history is.
    apply: async ({ account, request }) => {
      const history = await historyWith(input.newPassword, account, deps.random);
      if (!(await deps.accounts.changePassword(account.loginId, history, { tokenHash: request.tokenHash }))) {
        throw new LinkInvalidError('replaced');
      }
      try {
        await deps.identity.setPassword(request.email, input.newPassword);
      } catch (error) {
        await deps.accounts.changePassword(account.loginId, account.passwordHistory);
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
