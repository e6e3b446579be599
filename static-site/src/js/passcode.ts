/**
 * パスコード入力 (registration): the page the first registration email's URL opens. The
 * passcode from the second email and the merchant's own password complete the registration.
 */
import { REGISTRATION_LINK_WORDING } from '../../../lambdas/domain/link-wording';
import { startPage } from './boot';
import { startPasscodePasswordPage } from './passcode-password-page';

startPage(() =>
  startPasscodePasswordPage({
    statusRoute: 'registration-status',
    completeRoute: 'complete-registration',
    successUrl: 'index.html?registered=1',
    linkWording: REGISTRATION_LINK_WORDING,
  }),
);
