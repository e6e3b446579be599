/** Login page (index.html): ログインID (the registered email) and パスワード. */
import { postJson } from './api';
import { showArrivalNotice } from './arrival-notice';
import { startPage } from './boot';
import { byId, field } from './dom';
import { FormFeedback, setSubmitting } from './form-feedback';
import { showPasswordToggle } from './show-password';
import { requiredMessage } from './validation';

/** Why the merchant landed here, told by the page that sent them (`?registered=1` etc.). */
const ARRIVAL_NOTICES: Record<string, string> = {
  registered: 'メールアドレスの登録とパスワードの設定が完了しました。ご登録のメールアドレスでログインしてください。',
  loggedOut: 'ログアウトしました。',
  sessionExpired: 'ログインの有効期限が切れたか、ログインされていません。お手数ですが、再度ログインしてください。',
  passwordReset: 'パスワードの再設定が完了しました。新しいパスワードでログインしてください。',
  emailChanged: 'メールアドレスの変更が完了しました。新しいメールアドレスでログインしてください。',
};

function start(): void {
  const form = byId<HTMLFormElement>('login-form');
  const loginId = field(form, 'loginId');
  const password = field(form, 'password');
  const feedback = new FormFeedback(form, byId('form-alert'));
  showPasswordToggle(byId<HTMLInputElement>('show-password'), [password]);
  showArrivalNotice(ARRIVAL_NOTICES);

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    feedback.clear();
    byId('page-status').replaceChildren();
    if (!loginId.value.trim()) feedback.showFieldError('loginId', requiredMessage('ログインID'));
    if (!password.value) feedback.showFieldError('password', requiredMessage('パスワード'));
    if (form.querySelector('[aria-invalid="true"]')) {
      feedback.focusFirstInvalid();
      return;
    }

    setSubmitting(form, true);
    const result = await postJson('/api/login', { loginId: loginId.value.trim(), password: password.value });
    if (result.ok) {
      location.href = 'home.html';
      return;
    }
    setSubmitting(form, false);
    feedback.showAlert(result.error.message);
    password.focus();
  });
}

startPage(start);
