import { LinkInvalidError } from '../../errors';
import { historyWith } from '../../password-history';
import type { Identity, Random } from '../../ports';
import { newPasswordRedemption, refusingRecentPassword, type NewPasswordSubmission } from '../shared/new-password-redemption';
import { redeemRequest, type RedeemRequestDeps } from '../shared/redeem-request';

export interface CompleteRegistrationDeps extends RedeemRequestDeps {
  /** The new password's salt. */
  random: Random;
  identity: Identity;
}

/**
 * パスコード入力 → 設定: the merchant sets a password, and the account becomes registered.
 * 1. The link, the policy and the passcode are judged, and the request claimed and used up, as
 *    for every two-email request (redeemRequest); steps 2 and 3 run inside it.
 * 2. The password must not be the initial one, nor one of the recent ones an account keeps over
 *    a registration reset; a refusal is audited.
 * 3. Cognito gets the user and password; then the account becomes registered under the email,
 *    only while this request is still the live one. Else the link answers "replaced", and the
 *    Cognito user is removed again, unless the account is registered under that email by now
 *    (a parallel completion of the newer request owns the user).
 * 4. The registration is audited.
 */
export async function completeRegistration(input: NewPasswordSubmission, deps: CompleteRegistrationDeps) {
  const { request } = await redeemRequest('registration', newPasswordRedemption(input), deps, {
    check: refusingRecentPassword('registration', input.newPassword, deps.audit),
    apply: async ({ account, request }) => {
      await deps.identity.register({ email: request.email, loginId: account.loginId, password: input.newPassword });
      const completed = await deps.accounts.completeRegistration(account.loginId, request.tokenHash, {
        email: request.email,
        passwordHistory: await historyWith(input.newPassword, account, deps.random),
        registeredAt: deps.clock.now().toISOString(),
      });
      if (!completed) {
        await removeLeftUser(account.loginId, request.email, deps);
        throw new LinkInvalidError('replaced');
      }
    },
  });
  deps.audit.record({ event: 'registration.completed', outcome: 'success', loginId: request.loginId, email: request.email });
}

/**
 * The user this completion made in Cognito belongs to no account when the request was replaced,
 * and would keep the email from every other account.
 */
async function removeLeftUser(loginId: string, email: string, deps: CompleteRegistrationDeps): Promise<void> {
  const now = await deps.accounts.get(loginId);
  if (now?.status === 'registered' && now.email === email) return;
  await deps.identity.removeUser(email);
}
