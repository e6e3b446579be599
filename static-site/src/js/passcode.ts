/**
 * パスコード入力 (registration): the page the first registration email's URL opens. The
 * passcode from the second email and the merchant's own password complete the registration.
 */
import { startPage } from './boot';
import { REPLACED_TEXT } from './completion-link';
import { startPasscodePasswordPage } from './passcode-password-page';

startPage(() =>
  startPasscodePasswordPage({
    statusPath: '/api/registration/status',
    completePath: '/api/registration/complete',
    successUrl: 'index.html?registered=1',
    invalidLinkTexts: {
      expired: 'このURLは有効期限が切れています。お手数ですが、初回ログインページから再度申請を行ってください。',
      used: 'このURLはすでに使用されています。メールアドレスの登録とパスワードの設定がお済みの場合は、ログインページからご登録のメールアドレスでログインしてください。',
      replaced: REPLACED_TEXT,
      voided: 'パスコードの入力誤りが上限に達したため、このURLは無効になりました。お手数ですが、初回ログインページから再度申請を行ってください。',
      unknown: 'このURLは無効です。メールに記載されたURLを正しく開いているかご確認ください。解決しない場合は、初回ログインページから再度申請を行ってください。',
    },
  }),
);
