/**
 * Login page (index.html): ログインID (the registered email) and パスワード. A merchant already
 * signed in goes straight to home; one typing the letter's ID is pointed to 初回ログイン.
 */
import { canonicalEmail } from '../../../lambdas/domain/email-address';
import { LETTER_ID_HINT, LETTER_ID_HINT_MESSAGE } from '../../../lambdas/domain/letter-id-hint';
import type { ApiError } from './api';
import { type ArrivalNotice, showArrivalNotice } from './arrival-notice';
import { startPage } from './boot';
import { byId, element, field } from './dom';
import { EMAIL_CHANGED_SIGNED_OUT } from './email-changed';
import { hasSession } from './has-session';
import { FormFeedback } from './form-feedback';
import { listenForPasskeyLogin } from './passkey-login';
import { submitForm } from './form-submit';
import { showPasswordToggle } from './show-password';
import { isEmail, requiredMessage } from './validation';

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

/** The hint's sentence, its 初回ログインはこちら a real link (the wording is the API's too). */
function letterIdHint(): Node {
  const link = element('a', LETTER_ID_HINT.link);
  link.href = 'first-login.html';
  const hint = document.createDocumentFragment();
  hint.append(LETTER_ID_HINT.lead, link, LETTER_ID_HINT.tail);
  return hint;
}

/**
 * Opening the site's address while signed in leads home. A page that sent the merchant here with
 * a notice is not overruled: the notice stays.
 */
async function leaveWhenSignedIn(): Promise<void> {
  if (await hasSession()) location.replace('home.html');
}

function start(): void {
  const form = byId<HTMLFormElement>('login-form');
  const loginId = field(form, 'loginId');
  const password = field(form, 'password');
  const feedback = new FormFeedback(form, byId('form-alert'));
  showPasswordToggle(byId<HTMLInputElement>('show-password'), [password]);
  if (!showArrivalNotice(ARRIVAL_NOTICES)) void leaveWhenSignedIn();

  /** Each empty field says so under itself; no summary, the form is that short. */
  function check(): boolean {
    byId('page-status').replaceChildren(); // the arrival notice is old news once the merchant tries
    const id = canonicalEmail(loginId.value);
    if (!id) feedback.showFieldError('loginId', requiredMessage('ログインID'));
    // Judged by its format alone, and before the password leaves the page.
    else if (!isEmail(id)) feedback.showFieldError('loginId', letterIdHint());
    if (!password.value) feedback.showFieldError('password', requiredMessage('パスワード'));
    if (!form.querySelector('[aria-invalid="true"]')) return true;
    feedback.focusFirstInvalid();
    return false;
  }

  /** Every refusal is one message (which part was wrong is not told), and the password is retyped. */
  function refused(error: ApiError): void {
    // The server judges the format more strictly than the page: its answer gets the same hint.
    if (error.fields?.loginId === LETTER_ID_HINT_MESSAGE) {
      feedback.showFieldError('loginId', letterIdHint());
      loginId.focus();
      return;
    }
    feedback.showAlert(error.message);
    password.focus();
  }

  listenForPasskeyLogin(byId<HTMLButtonElement>('passkey-login'), feedback);

  submitForm<{ ok?: true; next?: 'second-factor' | 'setup-second-factor'; methods?: string[] }>({
    form,
    feedback,
    route: 'login',
    check,
    body: () => ({ loginId: canonicalEmail(loginId.value), password: password.value }),
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
