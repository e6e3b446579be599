/** Login page (index.html): ログインID (the registered email) and パスワード. */
import type { ApiError } from './api';
import { type ArrivalNotice, showArrivalNotice } from './arrival-notice';
import { startPage } from './boot';
import { byId, field } from './dom';
import { EMAIL_CHANGED_SIGNED_OUT } from './email-changed';
import { FormFeedback } from './form-feedback';
import { listenForPasskeyLogin } from './passkey-login';
import { submitForm } from './form-submit';
import { showPasswordToggle } from './show-password';
import { requiredMessage } from './validation';

/**
 * Why the merchant landed here, told by the page that sent them (`?registered=1` etc.): what
 * was completed is a success, a session that ran out a warning, ログアウト information.
 */
const ARRIVAL_NOTICES: Record<string, ArrivalNotice> = {
  registered: {
    kind: 'success',
    text: 'メールアドレスの登録とパスワードの設定が完了しました。ご登録のメールアドレスでログインしてください。',
  },
  loggedOut: { kind: 'info', text: 'ログアウトしました。' },
  sessionExpired: {
    kind: 'warning',
    text: 'ログインの有効期限が切れたか、ログインされていません。お手数ですが、再度ログインしてください。',
  },
  passwordReset: { kind: 'success', text: 'パスワードの再設定が完了しました。新しいパスワードでログインしてください。' },
  // Only a browser without a session comes here (confirm-email.ts): its sessions elsewhere go on.
  emailChanged: { kind: 'success', text: EMAIL_CHANGED_SIGNED_OUT },
};

function start(): void {
  const form = byId<HTMLFormElement>('login-form');
  const loginId = field(form, 'loginId');
  const password = field(form, 'password');
  const feedback = new FormFeedback(form, byId('form-alert'));
  showPasswordToggle(byId<HTMLInputElement>('show-password'), [password]);
  showArrivalNotice(ARRIVAL_NOTICES);

  /** Each empty field says so under itself; no summary, the form is that short. */
  function check(): boolean {
    byId('page-status').replaceChildren(); // the arrival notice is old news once the merchant tries
    if (!loginId.value.trim()) feedback.showFieldError('loginId', requiredMessage('ログインID'));
    if (!password.value) feedback.showFieldError('password', requiredMessage('パスワード'));
    if (!form.querySelector('[aria-invalid="true"]')) return true;
    feedback.focusFirstInvalid();
    return false;
  }

  /** Every refusal is one message (which part was wrong is not told), and the password is retyped. */
  function refused(error: ApiError): void {
    feedback.showAlert(error.message);
    password.focus();
  }

  listenForPasskeyLogin(byId<HTMLButtonElement>('passkey-login'), feedback);

  submitForm<{ ok?: true; next?: 'second-factor' | 'setup-second-factor'; methods?: string[] }>({
    form,
    feedback,
    route: 'login',
    check,
    body: () => ({ loginId: loginId.value.trim(), password: password.value }),
    // A merchant with a second factor enters its code next; under the required policy one without sets one up first.
    success: (data: { ok?: true; next?: 'second-factor' | 'setup-second-factor'; methods?: string[] }) => {
      location.href =
        data.next === 'second-factor'
          ? `second-step.html?methods=${data.methods?.join(',') ?? ''}`
          : data.next
            ? 'two-step.html'
            : 'home.html';
    },
    otherwise: refused,
  });
}

startPage(start);
