/**
 * 初回メールアドレス登録: the merchant proves the letter's 初回ログインID / 初回パスワード and
 * names the email to register. On success the form gives way to the guide's "what happens next".
 * On any error everything typed stays in place.
 */
import { postJson } from './api';
import { startPage } from './boot';
import { byId, field, replaceView } from './dom';
import { FormFeedback, setSubmitting, showFieldErrors } from './form-feedback';
import { showPasswordToggle } from './show-password';
import { EMAIL_FORMAT_MESSAGE, INPUT_PROBLEM_SUMMARY, isEmail, requiredMessage } from './validation';

function start(): void {
  const form = byId<HTMLFormElement>('first-login-form');
  const loginId = field(form, 'loginId');
  const initialPassword = field(form, 'initialPassword');
  const email = field(form, 'email');
  const feedback = new FormFeedback(form, byId('form-alert'));
  showPasswordToggle(byId<HTMLInputElement>('show-password'), [initialPassword]);

  /** Shows what the browser can already tell is wrong; true when the form can be sent. */
  function checkFields(): boolean {
    let fine = true;
    const fail = (name: string, message: string) => {
      feedback.showFieldError(name, message);
      fine = false;
    };
    if (!loginId.value.trim()) fail('loginId', requiredMessage('初回ログインID'));
    if (!initialPassword.value) fail('initialPassword', requiredMessage('初回パスワード'));
    if (!email.value.trim()) fail('email', requiredMessage('メールアドレス'));
    else if (!isEmail(email.value.trim())) fail('email', EMAIL_FORMAT_MESSAGE);
    return fine;
  }

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    feedback.clear();
    if (!checkFields()) {
      feedback.showAlert(INPUT_PROBLEM_SUMMARY);
      feedback.focusFirstInvalid();
      return;
    }

    setSubmitting(form, true);
    const result = await postJson('/api/first-login', {
      loginId: loginId.value.trim(),
      initialPassword: initialPassword.value,
      email: email.value.trim(),
    });
    setSubmitting(form, false);
    if (result.ok) {
      replaceView(byId('registration-form-section'), byId('registration-accepted'));
      return;
    }

    const { error } = result;
    showFieldErrors(form, feedback, error);
    if (error.code === 'EMAIL_UNAVAILABLE') feedback.markInvalid('email');
    feedback.showAlert(error.message);
    if (form.querySelector('[aria-invalid="true"]')) feedback.focusFirstInvalid();
    else loginId.focus();
  });
}

startPage(start);
