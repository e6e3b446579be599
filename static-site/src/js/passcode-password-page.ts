/**
 * The page a completion URL opens when the merchant sets a password with it: パスコード,
 * 新パスワード, 新パスワード(確認用). One module for both flows that do this, registration
 * (passcode.html) and forgot password (reset-password.html); they differ only in their API
 * routes, where success leads, and what an unusable link tells the merchant.
 */
import { postJson, type ApiError } from './api';
import { CompletionLink, type InvalidLinkTexts } from './completion-link';
import { byId, field } from './dom';
import { FormFeedback, setSubmitting, showFieldErrors } from './form-feedback';
import { NewPasswordFields, POLICY_SUMMARY } from './new-password-fields';
import { PasscodeField } from './passcode-field';
import { showPasswordToggle } from './show-password';
import { INPUT_PROBLEM_SUMMARY } from './validation';

export interface PasscodePasswordPage {
  /** `{ token }` → 200 pending or 410 LINK_INVALID. */
  statusPath: string;
  /** `{ token, passcode, newPassword, newPasswordConfirmation }`. */
  completePath: string;
  /** Where the merchant goes once the password is set (the login page, with a notice). */
  successUrl: string;
  invalidLinkTexts: InvalidLinkTexts;
}

export function startPasscodePasswordPage(page: PasscodePasswordPage): void {
  const formView = byId('passcode-view');
  const link = new CompletionLink(page.statusPath, formView, page.invalidLinkTexts);
  const form = byId<HTMLFormElement>('passcode-form');
  const feedback = new FormFeedback(form, byId('form-alert'));
  const passcode = new PasscodeField(field(form, 'passcode'), feedback);
  const passwords = new NewPasswordFields(form, feedback);
  showPasswordToggle(byId<HTMLInputElement>('show-password'), [passwords.newPassword, passwords.confirmation]);

  /** Shows what the browser can already tell is wrong; true when the form can be sent. */
  function checkFields(): boolean {
    const passcodeProblems = passcode.check();
    const { problems, policyFailed } = passwords.check();
    const all = [...passcodeProblems, ...problems];
    if (all.length === 0) return true;
    feedback.showAlert(policyFailed ? POLICY_SUMMARY : INPUT_PROBLEM_SUMMARY, all);
    feedback.focusFirstInvalid();
    return false;
  }

  function showServerError(error: ApiError): void {
    switch (error.code) {
      case 'LINK_INVALID':
        link.showInvalid(error.reason);
        return;
      case 'PASSCODE_WRONG':
        passcode.showWrong(error);
        return;
      case 'PASSWORD_POLICY':
        passwords.showPolicyRejection(error);
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
    if (!checkFields()) return;

    setSubmitting(form, true);
    const result = await postJson(page.completePath, { token: link.token, passcode: passcode.value, ...passwords.values });
    if (result.ok) {
      location.href = page.successUrl;
      return;
    }
    setSubmitting(form, false);
    showServerError(result.error);
  });

  link.restartOnNewLink();
  void link.check();
}
