/**
 * パスワード再設定 (forgot password): the page the reset email's URL opens. The passcode from
 * the second email and a new password replace the forgotten one; every session of the account
 * ends, and the merchant logs in afresh.
 */
import { PASSWORD_RESET_LINK_WORDING } from '../../../lambdas/domain/link-wording';
import { startPage } from './boot';
import { startPasscodePasswordPage } from './passcode-password-page';

startPage(() =>
  startPasscodePasswordPage({
    statusRoute: 'password-reset-status',
    completeRoute: 'complete-password-reset',
    successUrl: 'index.html?passwordReset=1',
    linkWording: PASSWORD_RESET_LINK_WORDING,
  }),
);
