/**
 * パスワード変更 (signed in): 現在のパスワード and a new one. The account's email and login ID
 * are known here, so the checklist checks "no personal data" while the merchant types. Other
 * sessions of the account end; this one stays, and home says the password was changed.
 */
import { postJson, type ApiError } from './api';
import { startPage } from './boot';
import { byId, field } from './dom';
import { FormFeedback, setSubmitting, showFieldErrors } from './form-feedback';
import { NewPasswordFields, POLICY_SUMMARY } from './new-password-fields';
import { showPasswordToggle } from './show-password';
import { leftForLogin, listenForLogout, loadMe } from './signed-in';
import { INPUT_PROBLEM_SUMMARY, requiredMessage } from './validation';

function start(): void {
  const form = byId<HTMLFormElement>('change-password-form');
  const alertRegion = byId('form-alert');
  const feedback = new FormFeedback(form, alertRegion);
  const currentPassword = field(form, 'currentPassword');
  const passwords = new NewPasswordFields(form, feedback, { personalDataKnown: true });
  showPasswordToggle(byId<HTMLInputElement>('show-password'), [currentPassword, passwords.newPassword, passwords.confirmation]);
  listenForLogout(alertRegion);

  void loadMe(alertRegion).then((me) => {
    if (me) passwords.setPersonalData(me);
  });

  /** Shows what the browser can already tell is wrong; true when the form can be sent. */
  function checkFields(): boolean {
    const currentProblems: string[] = [];
    if (!currentPassword.value) {
      const message = requiredMessage('現在のパスワード');
      feedback.showFieldError('currentPassword', message);
      currentProblems.push(message);
    }
    const { problems, policyFailed } = passwords.check();
    const all = [...currentProblems, ...problems];
    if (all.length === 0) return true;
    feedback.showAlert(policyFailed ? POLICY_SUMMARY : INPUT_PROBLEM_SUMMARY, all);
    feedback.focusFirstInvalid();
    return false;
  }

  function showServerError(error: ApiError): void {
    switch (error.code) {
      case 'CURRENT_PASSWORD_WRONG':
        feedback.showAlert(INPUT_PROBLEM_SUMMARY);
        feedback.showFieldError('currentPassword', error.message);
        currentPassword.select();
        currentPassword.focus();
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
    const result = await postJson('/api/password', { currentPassword: currentPassword.value, ...passwords.values });
    if (result.ok) {
      location.href = 'home.html?passwordChanged=1';
      return;
    }
    if (leftForLogin(result)) return;
    setSubmitting(form, false);
    showServerError(result.error);
  });
}

startPage(start);
