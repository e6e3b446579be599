/**
 * パスワード再設定 (forgot password), first step: the merchant names the registered email; a
 * registered account gets the two emails (URL and passcode). The answer on screen is the same
 * whether or not the address is registered, so the page cannot be used to find out.
 */
import { canonicalEmail } from '../../../lambdas/domain/email-address';
import { startPage } from './boot';
import { byId, field, replaceView } from './dom';
import { FormFeedback } from './form-feedback';
import { refuse, submitForm } from './form-submit';
import { showReceiptAddress } from './receipt';
import { emailProblem, INPUT_PROBLEM_SUMMARY } from './validation';

function start(): void {
  const form = byId<HTMLFormElement>('forgot-password-form');
  const email = field(form, 'email');
  const feedback = new FormFeedback(form, byId('form-alert'));

  function check(): boolean {
    const problem = emailProblem(canonicalEmail(email.value));
    if (!problem) return true;
    feedback.showFieldError('email', problem);
    return refuse(feedback, INPUT_PROBLEM_SUMMARY);
  }

  // TOO_MANY_REQUESTS (and any other refusal) comes with a message written for the merchant.
  submitForm({
    form,
    feedback,
    route: 'password-reset',
    check,
    body: () => ({ email: canonicalEmail(email.value) }),
    success: () => {
      showReceiptAddress(byId('request-accepted'), canonicalEmail(email.value));
      replaceView(byId('request-form-section'), byId('request-accepted'));
    },
    focusOnError: email,
  });
}

startPage(start);
