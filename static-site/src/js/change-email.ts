/**
 * メールアドレス変更 (signed in): the merchant names a new address; it gets the two emails (URL
 * and passcode) that prove it. Until that is done the current address stays the login ID.
 * The answer is the same whether or not another account uses the address.
 */
import { postJson } from './api';
import { startPage } from './boot';
import { byId, field, replaceView } from './dom';
import { FormFeedback, setSubmitting, showFieldErrors } from './form-feedback';
import { leftForLogin, listenForLogout, loadMe } from './signed-in';
import { EMAIL_FORMAT_MESSAGE, INPUT_PROBLEM_SUMMARY, isEmail, requiredMessage } from './validation';

export const SAME_AS_CURRENT_MESSAGE = '現在のメールアドレスと同じです。新しいメールアドレスを入力してください。';

function start(): void {
  const form = byId<HTMLFormElement>('change-email-form');
  const alertRegion = byId('form-alert');
  const feedback = new FormFeedback(form, alertRegion);
  const newEmail = field(form, 'newEmail');
  let currentEmail: string | undefined;
  listenForLogout(alertRegion);

  void loadMe(alertRegion).then((me) => {
    byId('current-email-loading').hidden = true;
    if (!me) return;
    currentEmail = me.email;
    byId('current-email').textContent = me.email;
    byId('current-email-line').hidden = false;
  });

  function problemWith(address: string): string | undefined {
    if (!address) return requiredMessage('新しいメールアドレス');
    if (!isEmail(address)) return EMAIL_FORMAT_MESSAGE;
    if (currentEmail && address.toLowerCase() === currentEmail.toLowerCase()) return SAME_AS_CURRENT_MESSAGE;
    return undefined;
  }

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    feedback.clear();
    const address = newEmail.value.trim();
    const problem = problemWith(address);
    if (problem) {
      feedback.showFieldError('newEmail', problem);
      feedback.showAlert(INPUT_PROBLEM_SUMMARY);
      newEmail.focus();
      return;
    }

    setSubmitting(form, true);
    const result = await postJson('/api/email-change', { newEmail: address });
    if (leftForLogin(result)) return;
    setSubmitting(form, false);
    if (result.ok) {
      replaceView(byId('change-form-section'), byId('change-accepted'));
      return;
    }
    showFieldErrors(form, feedback, result.error);
    feedback.showAlert(result.error.message);
    if (form.querySelector('[aria-invalid="true"]')) feedback.focusFirstInvalid();
    else newEmail.focus();
  });
}

startPage(start);
