/**
 * パスワード変更 (signed in): 現在のパスワード and a new one. The account's email and login ID
 * are known here, so the checklist checks "no personal data" while the merchant types. Other
 * sessions of the account end; this one stays, and home says the password was changed.
 */
import { startPage } from './boot';
import { answerWrongCurrentPassword, currentPasswordProblem } from './current-password';
import { byId, field } from './dom';
import { FormFeedback } from './form-feedback';
import { refuseAtFields, submitForm } from './form-submit';
import { NewPasswordFields } from './new-password-fields';
import { showPasswordToggle } from './show-password';
import { startSignedIn, loadMe } from './signed-in';

function start(): void {
  const form = byId<HTMLFormElement>('change-password-form');
  const alertRegion = byId('form-alert');
  const feedback = new FormFeedback(form, alertRegion);
  const currentPassword = field(form, 'currentPassword');
  const passwords = new NewPasswordFields(form, feedback, { personalDataKnown: true });
  showPasswordToggle(byId<HTMLInputElement>('show-password'), [currentPassword, passwords.newPassword, passwords.confirmation]);
  startSignedIn(alertRegion);

  void loadMe(alertRegion).then((me) => {
    if (me) passwords.setPersonalData(me);
  });

  function check(): boolean {
    const currentProblem = currentPasswordProblem(currentPassword, feedback);
    const problems = [...(currentProblem ? [currentProblem] : []), ...passwords.check()];
    return problems.length === 0 || refuseAtFields(feedback);
  }

  submitForm({
    form,
    feedback,
    route: 'change-password',
    signedIn: true,
    check,
    body: () => ({ currentPassword: currentPassword.value, ...passwords.values }),
    success: 'home.html?passwordChanged=1',
    errors: {
      CURRENT_PASSWORD_WRONG: answerWrongCurrentPassword(currentPassword, feedback),
      PASSWORD_POLICY: (error) => passwords.showPolicyRejection(error),
    },
  });
}

startPage(start);
