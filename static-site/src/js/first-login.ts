/**
 * 初回メールアドレス登録: the merchant proves the letter's 初回ログインID / 初回パスワード and
 * names the email to register. On success the form gives way to the guide's "what happens next".
 * On any error everything typed stays in place.
 */
import { startPage } from './boot';
import { canonicalEmail } from '../../../lambdas/domain/email-address';
import { canonicalLoginId } from '../../../lambdas/domain/login-id';
import { byId, field, replaceView } from './dom';
import { FormFeedback } from './form-feedback';
import { refuse, showRefusal, submitForm } from './form-submit';
import { showReceiptAddress } from './receipt';
import { showPasswordToggle } from './show-password';
import { emailProblem, INPUT_PROBLEM_SUMMARY, requiredMessage } from './validation';

function start(): void {
  const form = byId<HTMLFormElement>('first-login-form');
  const loginId = field(form, 'loginId');
  const initialPassword = field(form, 'initialPassword');
  const email = field(form, 'email');
  const feedback = new FormFeedback(form, byId('form-alert'));
  showPasswordToggle(byId<HTMLInputElement>('show-password'), [initialPassword]);

  // What the server will make of the letter's ID and the address typed (full width, any case, blanks around).
  const typedLoginId = () => canonicalLoginId(loginId.value);
  const typedEmail = () => canonicalEmail(email.value);

  function check(): boolean {
    if (!typedLoginId()) feedback.showFieldError('loginId', requiredMessage('初回ログインID'));
    if (!initialPassword.value) feedback.showFieldError('initialPassword', requiredMessage('初回パスワード'));
    const emailWrong = emailProblem(typedEmail());
    if (emailWrong) feedback.showFieldError('email', emailWrong);
    return !form.querySelector('[aria-invalid="true"]') || refuse(feedback, INPUT_PROBLEM_SUMMARY);
  }

  submitForm({
    form,
    feedback,
    route: 'first-login',
    check,
    body: () => ({ loginId: typedLoginId(), initialPassword: initialPassword.value, email: typedEmail() }),
    success: () => {
      showReceiptAddress(byId('registration-accepted'), typedEmail());
      replaceView(byId('registration-form-section'), byId('registration-accepted'));
    },
    errors: {
      // The message says the address cannot be registered: the field to change is that one.
      EMAIL_UNAVAILABLE: (error) => {
        feedback.markInvalid('email');
        showRefusal(form, feedback, error);
      },
    },
    focusOnError: loginId,
  });
}

startPage(start);
