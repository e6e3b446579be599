import type { Account, PendingRequest, RequestKind } from '../../model';
import { refuseRecentPassword } from '../../password-history';
import type { AuditLog } from '../../ports';
import { AUDIT_PREFIX } from './open-request';
import type { Redemption } from './redeem-request';

/** The page's fields of パスコード入力 and パスワード再設定 → 設定. */
export interface NewPasswordSubmission {
  token: string;
  passcode: string;
  newPassword: string;
  newPasswordConfirmation: string;
}

/** The fields as redeemRequest takes them: the new password is judged before the passcode. */
export const newPasswordRedemption = (input: NewPasswordSubmission): Redemption => ({
  token: input.token,
  passcode: input.passcode,
  newPassword: { password: input.newPassword, confirmation: input.newPasswordConfirmation },
});

/** The check of a request that sets a password: not one the account used recently; a refusal is audited. */
export const refusingRecentPassword =
  (kind: RequestKind, password: string, audit: AuditLog) =>
  ({ account, request }: { account: Account; request: PendingRequest }) =>
    refuseRecentPassword(password, account, () =>
      audit.record({
        event: `${AUDIT_PREFIX[kind]}.password-refused`,
        outcome: 'failure',
        loginId: account.loginId,
        email: request.email,
        reason: 'history',
      }),
    );
