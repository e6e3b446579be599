import { LinkInvalidError } from '../../errors';
import { historyWith, refuseRecentPassword } from '../../password-history';
import type { Identity, Random } from '../../ports';
import { redeemRequest, type RedeemRequestDeps } from '../shared/redeem-request';

export interface CompleteRegistrationDeps extends RedeemRequestDeps {
  /** The new password's salt. */
  random: Random;
  identity: Identity;
}

export interface RegistrationCompletion {
  token: string;
  passcode: string;
  newPassword: string;
  newPasswordConfirmation: string;
}

/**
 * パスコード入力 → 設定: the link, the policy and the passcode as every two-email request
 * (redeemRequest); the password must not be the initial one; then Cognito gets the user and
 * password, and the account becomes registered under the email.
 */
export async function completeRegistration(input: RegistrationCompletion, deps: CompleteRegistrationDeps) {
  const { request } = await redeemRequest(
    'registration',
    { token: input.token, passcode: input.passcode, newPassword: { password: input.newPassword, confirmation: input.newPasswordConfirmation } },
    deps,
    {
      check: ({ account, request }) =>
        refuseRecentPassword(input.newPassword, account, () =>
          deps.audit.record({ event: 'registration.password-refused', outcome: 'failure', loginId: account.loginId, email: request.email, reason: 'history' }),
        ),
      apply: async ({ account, request }) => {
        await deps.identity.register({ email: request.email, loginId: account.loginId, password: input.newPassword });
        const completed = await deps.accounts.completeRegistration(account.loginId, request.tokenHash, {
          email: request.email,
          passwordHistory: await historyWith(input.newPassword, account, deps.random),
          registeredAt: deps.clock.now().toISOString(),
        });
        if (!completed) throw new LinkInvalidError('replaced');
      },
    },
  );
  deps.audit.record({ event: 'registration.completed', outcome: 'success', loginId: request.loginId, email: request.email });
}
