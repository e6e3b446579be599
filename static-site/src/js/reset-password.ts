/**
 * パスワード再設定 (forgot password): the page the reset email's URL opens. The passcode from
 * the second email and a new password replace the forgotten one; every session of the account
 * ends, and the merchant logs in afresh.
 */
import { startPage } from './boot';
import { REPLACED_TEXT } from './completion-link';
import { startPasscodePasswordPage } from './passcode-password-page';

startPage(() =>
  startPasscodePasswordPage({
    statusPath: '/api/password-reset/status',
    completePath: '/api/password-reset/complete',
    successUrl: 'index.html?passwordReset=1',
    invalidLinkTexts: {
      expired: 'このURLは有効期限が切れています。お手数ですが、パスワード再設定ページから再度お手続きください。',
      used: 'このURLはすでに使用されています。パスワードの再設定がお済みの場合は、ログインページから新しいパスワードでログインしてください。',
      replaced: REPLACED_TEXT,
      voided: 'パスコードの入力誤りが上限に達したため、このURLは無効になりました。お手数ですが、パスワード再設定ページから再度お手続きください。',
      unknown: 'このURLは無効です。メールに記載されたURLを正しく開いているかご確認ください。解決しない場合は、パスワード再設定ページから再度お手続きください。',
    },
  }),
);
