/**
 * メールアドレス変更 (signed in): the merchant names a new address and shows 現在のパスワード (so a
 * session left open elsewhere cannot move the account); the new address gets the two emails (URL
 * and passcode) that prove it. Until that is done the current address stays the login ID.
 * The answer is the same whether or not another account uses the address.
 */
import { canonicalEmail } from '../../../lambdas/domain/email-address';
import { startPage } from './boot';
import { answerWrongCurrentPassword, currentPasswordProblem } from './current-password';
import { byId, field, replaceView } from './dom';
import { FormFeedback } from './form-feedback';
import { refuse, submitForm } from './form-submit';
import { showReceiptAddress } from './receipt';
import { showPasswordToggle } from './show-password';
import { startSignedIn, loadMe } from './signed-in';
import { emailProblem, INPUT_PROBLEM_SUMMARY } from './validation';

export const SAME_AS_CURRENT_MESSAGE = '現在のメールアドレスと同じです。新しいメールアドレスを入力してください。';

function start(): void {
  const form = byId<HTMLFormElement>('change-email-form');
  const alertRegion = byId('form-alert');
  const feedback = new FormFeedback(form, alertRegion);
  const newEmail = field(form, 'newEmail');
  const currentPassword = field(form, 'currentPassword');
  showPasswordToggle(byId<HTMLInputElement>('show-password'), [currentPassword]);
  let currentEmail: string | undefined;
  startSignedIn(alertRegion);

  void loadMe(alertRegion).then((me) => {
    byId('current-email-loading').hidden = true;
    if (!me) return;
    currentEmail = me.email;
    byId('current-email').textContent = me.email;
    byId('current-email-line').hidden = false;
  });

  function problemWith(address: string): string | undefined {
    const problem = emailProblem(address, '新しいメールアドレス');
    if (problem) return problem;
    if (currentEmail && address === canonicalEmail(currentEmail)) return SAME_AS_CURRENT_MESSAGE;
    return undefined;
  }

  function check(): boolean {
    const addressProblem = problemWith(canonicalEmail(newEmail.value));
    if (addressProblem) feedback.showFieldError('newEmail', addressProblem);
    const passwordProblem = currentPasswordProblem(currentPassword, feedback);
    return (!addressProblem && !passwordProblem) || refuse(feedback, INPUT_PROBLEM_SUMMARY);
  }

  submitForm({
    form,
    feedback,
    route: 'email-change',
    signedIn: true,
    check,
    body: () => ({ newEmail: canonicalEmail(newEmail.value), currentPassword: currentPassword.value }),
    success: () => {
      currentPassword.value = '';
      showReceiptAddress(byId('change-accepted'), canonicalEmail(newEmail.value));
      replaceView(byId('change-form-section'), byId('change-accepted'));
    },
    errors: { CURRENT_PASSWORD_WRONG: answerWrongCurrentPassword(currentPassword, feedback) },
    focusOnError: newEmail,
  });
}

startPage(start);
