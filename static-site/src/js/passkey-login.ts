/** パスキーでログイン on the login page: no email or password, the passkey is both steps. */
import { postJson } from './api';
import type { FormFeedback } from './form-feedback';
import { PASSKEY_CANCELLED, PASSKEY_UNSUPPORTED, usePasskey } from './passkey-ceremony';

const PASSKEY_LOGIN_FAILED =
  'パスキーでログインできませんでした。もう一度お試しいただくか、メールアドレスとパスワードでログインしてください。';

export function listenForPasskeyLogin(button: HTMLButtonElement, feedback: FormFeedback): void {
  button.addEventListener('click', async () => {
    feedback.clear();
    button.disabled = true;
    try {
      const options = await postJson<{ options: unknown }>('passkey-login-options', {});
      if (!options.ok) return feedback.showAlert(options.error.message);
      const answer = await usePasskey(options.data.options);
      // A closed prompt sends nothing: the merchant simply chose not to.
      if (!answer.ok) {
        return answer.why === 'cancelled'
          ? statusLine(PASSKEY_CANCELLED)
          : feedback.showAlert(answer.why === 'unsupported' ? PASSKEY_UNSUPPORTED : PASSKEY_LOGIN_FAILED);
      }
      const result = await postJson('passkey-login', { response: answer.response });
      if (result.ok) location.href = 'home.html';
      else feedback.showAlert(result.error.message);
    } finally {
      button.disabled = false;
    }
  });
}

function statusLine(message: string): void {
  const status = document.getElementById('page-status');
  if (status) status.textContent = message;
}
