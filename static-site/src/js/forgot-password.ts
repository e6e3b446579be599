/**
 * パスワード再設定 (forgot password), first step: the merchant names the registered email; a
 * registered account gets the two emails (URL and passcode). The answer on screen is the same
 * whether or not the address is registered, so the page cannot be used to find out.
 */
import { postJson } from './api';
import { startPage } from './boot';
import { byId, field, replaceView } from './dom';
import { FormFeedback, setSubmitting, showFieldErrors } from './form-feedback';
import { EMAIL_FORMAT_MESSAGE, INPUT_PROBLEM_SUMMARY, isEmail, requiredMessage } from './validation';

function start(): void {
  const form = byId<HTMLFormElement>('forgot-password-form');
  const email = field(form, 'email');
  const feedback = new FormFeedback(form, byId('form-alert'));

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    feedback.clear();
    const address = email.value.trim();
    const problem = !address ? requiredMessage('メールアドレス') : isEmail(address) ? undefined : EMAIL_FORMAT_MESSAGE;
    if (problem) {
      feedback.showFieldError('email', problem);
      feedback.showAlert(INPUT_PROBLEM_SUMMARY);
      email.focus();
      return;
    }

    setSubmitting(form, true);
    const result = await postJson('/api/password-reset', { email: address });
    setSubmitting(form, false);
    if (result.ok) {
      replaceView(byId('request-form-section'), byId('request-accepted'));
      return;
    }
    // TOO_MANY_REQUESTS (and any other refusal) comes with a message written for the merchant.
    showFieldErrors(form, feedback, result.error);
    feedback.showAlert(result.error.message);
    if (form.querySelector('[aria-invalid="true"]')) feedback.focusFirstInvalid();
    else email.focus();
  });
}

startPage(start);
