/**
 * Login page (index.html): ログインID (the registered email) and パスワード. A merchant already
 * signed in goes straight to home; one typing the letter's ID is pointed to 初回ログイン.
 */
import { LETTER_ID_HINT, LETTER_ID_HINT_MESSAGE } from '../../../lambdas/domain/letter-id-hint';
import { getJson, type ApiError } from './api';
import { showArrivalNotice } from './arrival-notice';
import { startPage } from './boot';
import { byId, element, field } from './dom';
import { FormFeedback } from './form-feedback';
import { listenForPasskeyLogin } from './passkey-login';
import { submitForm } from './form-submit';
import { showPasswordToggle } from './show-password';
import { isEmail, requiredMessage } from './validation';

/** Why the merchant landed here, told by the page that sent them (`?registered=1` etc.). */
const ARRIVAL_NOTICES: Record<string, string> = {
  registered: 'メールアドレスの登録とパスワードの設定が完了しました。ご登録のメールアドレスでログインしてください。',
  loggedOut: 'ログアウトしました。',
  sessionExpired: 'ログインの有効期限が切れたか、ログインされていません。お手数ですが、再度ログインしてください。',
  passwordReset: 'パスワードの再設定が完了しました。新しいパスワードでログインしてください。',
  emailChanged: 'メールアドレスの変更が完了しました。新しいメールアドレスでログインしてください。',
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
 * Opening the site's address while signed in leads home. GET /api/session only looks (it does
 * not count as a use); a signed-out visitor's 401 is the expected answer and is not shown. A
 * page that sent the merchant here with a notice (e.g. ?emailChanged=1, the session still alive)
 * is not overruled: the notice stays.
 */
async function leaveWhenSignedIn(): Promise<void> {
  const session = await getJson('session-time');
  if (session.ok) location.replace('home.html');
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
    const id = loginId.value.trim();
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
