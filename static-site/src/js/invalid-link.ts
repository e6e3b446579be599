/**
 * The page a merchant sees when the completion URL can no longer be used, saying what to do
 * next for each reason the server gives.
 */
import { byId, replaceView } from './dom';

const WHAT_TO_DO: Record<string, string> = {
  expired: 'このURLは有効期限が切れています。お手数ですが、初回ログインページから再度申請を行ってください。',
  used: 'このURLはすでに使用されています。メールアドレスの登録とパスワードの設定がお済みの場合は、ログインページからご登録のメールアドレスでログインしてください。',
  replaced: 'このURLは、その後に新しい申請が行われたため無効になりました。最後に届いたメールに記載されたURLからお手続きください。',
  voided: 'パスコードの入力誤りが上限に達したため、このURLは無効になりました。お手数ですが、初回ログインページから再度申請を行ってください。',
  unknown: 'このURLは無効です。メールに記載されたURLを正しく開いているかご確認ください。解決しない場合は、初回ログインページから再度申請を行ってください。',
};

export function showInvalidLink(reason: string | undefined, currentView: HTMLElement): void {
  byId('link-invalid-message').textContent = WHAT_TO_DO[reason ?? 'unknown'] ?? WHAT_TO_DO.unknown;
  byId('link-invalid').dataset.reason = reason ?? 'unknown';
  replaceView(currentView, byId('link-invalid'));
}
