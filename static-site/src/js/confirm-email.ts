/**
 * メールアドレス変更, last step: the page the email-change URL (sent to the new address)
 * opens. The passcode from the second email proves the address; from the next login on it is the
 * login ID.
 */
import { EMAIL_CHANGE_LINK_WORDING } from '../../../lambdas/domain/link-wording';
import { startPage } from './boot';
import { CompletionLink } from './completion-link';
import { byId, field } from './dom';
import { pageAfterEmailChange } from './email-changed';
import { FormFeedback, setSubmitting } from './form-feedback';
import { refuse, submitForm } from './form-submit';
import { PasscodeField } from './passcode-field';
import { INPUT_PROBLEM_SUMMARY } from './validation';

const START_AGAIN = 'お手数ですが、ログインの上、メールアドレス変更ページから別のメールアドレスでお手続きください。';

function start(): void {
  const link = new CompletionLink('email-change-status', byId('passcode-view'), EMAIL_CHANGE_LINK_WORDING);
  const form = byId<HTMLFormElement>('confirm-email-form');
  const feedback = new FormFeedback(form, byId('form-alert'));
  const passcode = new PasscodeField(field(form, 'passcode'), feedback);

  function check(): boolean {
    const problems = passcode.check();
    return problems.length === 0 || refuse(feedback, INPUT_PROBLEM_SUMMARY, problems);
  }

  submitForm({
    form,
    feedback,
    route: 'complete-email-change',
    check,
    body: () => ({ token: link.token, passcode: passcode.value }),
    // The change ends no session: where the merchant goes, and what they read, depends on this browser's.
    success: () => {
      setSubmitting(form, true);
      void pageAfterEmailChange().then((page) => {
        location.href = page;
      });
    },
    errors: {
      LINK_INVALID: (error) => link.showInvalid(error.reason),
      PASSCODE_WRONG: (error) => passcode.showWrong(error),
      // The address was taken by another account meanwhile: this request cannot finish.
      EMAIL_UNAVAILABLE: (error) => feedback.showAlert(error.message, [START_AGAIN]),
    },
  });

  link.restartOnNewLink();
  void link.check();
}

startPage(start);
