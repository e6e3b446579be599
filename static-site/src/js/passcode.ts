/**
 * パスコード入力: the page the completion URL opens. The token rides in the URL fragment (never
 * sent to a server log); the page checks it first, then takes the passcode and the new password.
 */
import { postJson, type ApiError } from './api';
import { byId, field } from './dom';
import { FormFeedback, setSubmitting } from './form-feedback';
import { showInvalidLink } from './invalid-link';
import { PasswordChecklist } from './password-checklist';
import { showPasswordToggle } from './show-password';
import { isPasscode, normalizePasscode, PASSCODE_FORMAT_MESSAGE, requiredMessage } from './validation';

const POLICY_SUMMARY = '新パスワードが条件を満たしていません。';
const INPUT_PROBLEM_SUMMARY = '入力内容をご確認ください。';

const token = location.hash.replace(/^#/, '');

const form = byId<HTMLFormElement>('passcode-form');
const passcode = field(form, 'passcode');
const newPassword = field(form, 'newPassword');
const confirmation = field(form, 'newPasswordConfirmation');
const feedback = new FormFeedback(form, byId('form-alert'));
const checklist = new PasswordChecklist(byId('password-rules'), byId('password-server-rules'));
const formView = byId('passcode-view');

/** Asks the server whether the link is still usable before the merchant types anything. */
async function checkLink(): Promise<void> {
  const checking = byId('link-checking');
  if (!token) {
    checking.hidden = true;
    showInvalidLink('unknown', formView);
    return;
  }
  const result = await postJson<{ status: string; email?: string }>('/api/registration/status', { token });
  checking.hidden = true;
  if (result.ok) {
    if (result.data.email) {
      byId('registration-email').textContent = result.data.email;
      byId('registration-email-line').hidden = false;
    }
    formView.hidden = false;
    return;
  }
  if (result.error.code === 'LINK_INVALID') showInvalidLink(result.error.reason, formView);
  else byId('link-check-alert').textContent = result.error.message;
}

/** Shows what the browser can already tell is wrong; true when the form can be sent. */
function checkFields(): boolean {
  const problems: string[] = [];
  const fail = (name: string, messages: string[]) => {
    feedback.showFieldError(name, messages);
    problems.push(...messages);
  };

  const code = normalizePasscode(passcode.value);
  if (!code) fail('passcode', [requiredMessage('パスコード')]);
  else if (!isPasscode(code)) fail('passcode', [PASSCODE_FORMAT_MESSAGE]);

  const failing = checklist.update(newPassword.value, confirmation.value);
  const policyMessages = failing.filter((r) => r.rule !== 'confirmation').map((r) => r.message);
  if (!newPassword.value) fail('newPassword', [requiredMessage('新パスワード')]);
  else if (policyMessages.length > 0) fail('newPassword', policyMessages);

  const mismatch = failing.find((r) => r.rule === 'confirmation');
  if (!confirmation.value) fail('newPasswordConfirmation', [requiredMessage('新パスワード(確認用)')]);
  else if (mismatch) fail('newPasswordConfirmation', [mismatch.message]);

  if (problems.length === 0) return true;
  const policyFailed = newPassword.value !== '' && policyMessages.length > 0;
  feedback.showAlert(policyFailed ? POLICY_SUMMARY : INPUT_PROBLEM_SUMMARY, problems);
  feedback.focusFirstInvalid();
  return false;
}

function showServerError(error: ApiError): void {
  switch (error.code) {
    case 'LINK_INVALID':
      showInvalidLink(error.reason, formView);
      return;
    case 'PASSCODE_WRONG':
      feedback.showAlert(error.message);
      feedback.markInvalid('passcode');
      passcode.select();
      passcode.focus();
      return;
    case 'PASSWORD_POLICY': {
      const violations = error.violations ?? [];
      // The server's message repeats the violations; the list below says them one by one.
      feedback.showAlert(POLICY_SUMMARY, violations.map((v) => v.message));
      checklist.markRejected(violations.map((v) => v.rule), newPassword.value, confirmation.value);
      const onConfirmation = violations.every((v) => v.rule === 'confirmation');
      feedback.markInvalid(onConfirmation ? 'newPasswordConfirmation' : 'newPassword');
      feedback.focusFirstInvalid();
      return;
    }
    default:
      for (const [name, message] of Object.entries(error.fields ?? {})) {
        if (form.elements.namedItem(name)) feedback.showFieldError(name, message);
      }
      feedback.showAlert(error.message);
      feedback.focusFirstInvalid();
  }
}

function start(): void {
  showPasswordToggle(byId<HTMLInputElement>('show-password'), [newPassword, confirmation]);
  const refreshChecklist = () => checklist.update(newPassword.value, confirmation.value);
  newPassword.addEventListener('input', () => {
    checklist.forgetServerVerdict();
    refreshChecklist();
  });
  confirmation.addEventListener('input', refreshChecklist);
  refreshChecklist();

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    feedback.clear();
    if (!checkFields()) return;

    setSubmitting(form, true);
    const result = await postJson('/api/registration/complete', {
      token,
      passcode: normalizePasscode(passcode.value),
      newPassword: newPassword.value,
      newPasswordConfirmation: confirmation.value,
    });
    if (result.ok) {
      location.href = 'index.html?registered=1';
      return;
    }
    setSubmitting(form, false);
    showServerError(result.error);
  });

  // A second completion URL pasted into this tab changes only the fragment: start over with it.
  window.addEventListener('hashchange', () => location.reload());
  void checkLink();
}

start();
