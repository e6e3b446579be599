/**
 * 確認コードの入力 (second-step.html): after a right password, the authenticator app's code or
 * a recovery code. The step is held by a cookie; when it has ended the API says to log in again.
 */
import { canonicalAuthenticatorCode } from '../../../lambdas/domain/typed-codes';
import { asTyped } from '../../../lambdas/domain/typed-text';
import { startPage } from './boot';
import { byId, field } from './dom';
import { FormFeedback } from './form-feedback';
import { submitForm } from './form-submit';
import { listenForPasskeyLogin } from './passkey-login';
import { requiredMessage } from './validation';

type Answer = { ok: true; recoveryCodesLeft?: number };

const afterSignIn = (data: Answer) => {
  location.href = data.recoveryCodesLeft === undefined ? 'home.html' : `home.html?recoveryCodesLeft=${data.recoveryCodesLeft}`;
};

/** `typed` is what the server will check of the code as typed (full width made half, blanks dropped). */
function codeForm(
  formId: string,
  name: string,
  label: string,
  typed: (value: string) => string,
): { form: HTMLFormElement; input: HTMLInputElement } {
  const form = byId<HTMLFormElement>(formId);
  const input = field(form, name);
  const feedback = new FormFeedback(form, byId('form-alert'));
  submitForm<Answer>({
    form,
    feedback,
    route: 'second-factor',
    check: () => {
      if (typed(input.value)) return true;
      feedback.showFieldError(name, requiredMessage(label));
      feedback.focusFirstInvalid();
      return false;
    },
    body: () => ({ [name]: typed(input.value) }),
    success: afterSignIn,
  });
  return { form, input };
}

startPage(() => {
  const code = codeForm('code-form', 'code', '確認コード', canonicalAuthenticatorCode);
  const recovery = codeForm('recovery-form', 'recoveryCode', 'リカバリーコード', asTyped);
  const show = (shown: typeof code, hidden: typeof code) => {
    hidden.form.hidden = true;
    shown.form.hidden = false;
    byId('form-alert').replaceChildren();
    shown.input.focus();
  };
  byId('use-recovery-code').addEventListener('click', () => show(recovery, code));
  byId('use-code').addEventListener('click', () => show(code, recovery));
  // The methods the login answered: without the app, the recovery code is the form; a passkey adds a button.
  const methods = new URLSearchParams(location.search).get('methods')?.split(',') ?? ['authenticator'];
  if (methods.includes('passkey')) {
    byId('passkey-step').hidden = false;
    const feedback = new FormFeedback(code.form, byId('form-alert'));
    listenForPasskeyLogin(byId<HTMLButtonElement>('use-passkey'), feedback, { options: 'login-passkey-options', verify: 'login-passkey' });
  }
  if (methods.includes('authenticator')) code.input.focus();
  else {
    show(recovery, code);
    byId('use-code').hidden = true;
  }
});
