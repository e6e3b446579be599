/**
 * パスキーでログイン on the login page (no email or password: the passkey is both steps), and the
 * passkey as the second step after a right password (the same ceremony on the step's own routes).
 */
import type { RouteEntry } from '../../../lambdas/routes';
import { postJson } from './api';
import { showNotice } from './dom';
import type { FormFeedback } from './form-feedback';
import { PASSKEY_CANCELLED, PASSKEY_UNSUPPORTED, usePasskey } from './passkey-ceremony';

const PASSKEY_LOGIN_FAILED =
  'パスキーでログインできませんでした。もう一度お試しいただくか、メールアドレスとパスワードでログインしてください。';

const ON_THE_LOGIN_PAGE = { options: 'passkey-login-options', verify: 'passkey-login' } as const satisfies Record<string, RouteEntry>;

export function listenForPasskeyLogin(
  button: HTMLButtonElement,
  feedback: FormFeedback,
  routes: { options: RouteEntry; verify: RouteEntry } = ON_THE_LOGIN_PAGE,
): void {
  button.addEventListener('click', async () => {
    feedback.clear();
    button.disabled = true;
    try {
      const options = await postJson<{ options: unknown }>(routes.options, {});
      if (!options.ok) return feedback.showAlert(options.error.message);
      const answer = await usePasskey(options.data.options);
      // A closed prompt sends nothing: the merchant simply chose not to.
      if (!answer.ok) {
        return answer.why === 'cancelled'
          ? statusLine(PASSKEY_CANCELLED)
          : feedback.showAlert(answer.why === 'unsupported' ? PASSKEY_UNSUPPORTED : PASSKEY_LOGIN_FAILED);
      }
      const result = await postJson(routes.verify, { response: answer.response });
      if (result.ok) location.href = 'home.html';
      else feedback.showAlert(result.error.message);
    } finally {
      button.disabled = false;
    }
  });
}

function statusLine(message: string): void {
  const status = document.getElementById('page-status');
  if (status) showNotice(status, message, 'info');
}
