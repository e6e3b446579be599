/**
 * メールアドレス変更, last step: the page the email-change URL (sent to the new address)
 * opens. The passcode from the second email proves the address; from then on it is the login ID.
 */
import { postJson, type ApiError } from './api';
import { startPage } from './boot';
import { CompletionLink, REPLACED_TEXT } from './completion-link';
import { byId, field } from './dom';
import { FormFeedback, setSubmitting, showFieldErrors } from './form-feedback';
import { PasscodeField } from './passcode-field';
import { INPUT_PROBLEM_SUMMARY } from './validation';

const INVALID_LINK_TEXTS = {
  expired: 'このURLは有効期限が切れています。お手数ですが、ログインの上、メールアドレス変更ページから再度お手続きください。',
  used: 'このURLはすでに使用されています。メールアドレスの変更がお済みの場合は、新しいメールアドレスでログインしてください。',
  replaced: REPLACED_TEXT,
  voided: 'パスコードの入力誤りが上限に達したため、このURLは無効になりました。お手数ですが、ログインの上、メールアドレス変更ページから再度お手続きください。',
  unknown: 'このURLは無効です。メールに記載されたURLを正しく開いているかご確認ください。解決しない場合は、ログインの上、メールアドレス変更ページから再度お手続きください。',
};

const START_AGAIN = 'お手数ですが、ログインの上、メールアドレス変更ページから別のメールアドレスでお手続きください。';

function start(): void {
  const formView = byId('passcode-view');
  const link = new CompletionLink('/api/email-change/status', formView, INVALID_LINK_TEXTS);
  const form = byId<HTMLFormElement>('confirm-email-form');
  const feedback = new FormFeedback(form, byId('form-alert'));
  const passcode = new PasscodeField(field(form, 'passcode'), feedback);

  function showServerError(error: ApiError): void {
    switch (error.code) {
      case 'LINK_INVALID':
        link.showInvalid(error.reason);
        return;
      case 'PASSCODE_WRONG':
        passcode.showWrong(error);
        return;
      case 'EMAIL_UNAVAILABLE':
        // The address was taken by another account meanwhile: this request cannot finish.
        feedback.showAlert(error.message, [START_AGAIN]);
        return;
      default:
        showFieldErrors(form, feedback, error);
        feedback.showAlert(error.message);
        feedback.focusFirstInvalid();
    }
  }

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    feedback.clear();
    const problems = passcode.check();
    if (problems.length > 0) {
      feedback.showAlert(INPUT_PROBLEM_SUMMARY, problems);
      feedback.focusFirstInvalid();
      return;
    }

    setSubmitting(form, true);
    const result = await postJson('/api/email-change/complete', { token: link.token, passcode: passcode.value });
    if (result.ok) {
      location.href = 'index.html?emailChanged=1';
      return;
    }
    setSubmitting(form, false);
    showServerError(result.error);
  });

  link.restartOnNewLink();
  void link.check();
}

startPage(start);
