/**
 * 本人確認: a sensitive call answered PROOF_REQUIRED (403) asks for the password in a dialog on
 * the page, proves it (POST /api/proof) and makes the call again. Any page, and any way of
 * proving, wraps its call: `withProof(() => postJson('authenticator-setup', {}))`.
 */
import { postJson, type ApiResult } from './api';
import { elementWith } from './dom';

const PROMPT = 'この操作を続けるには、本人確認のため、パスワードを入力してください。';

/** The dialog, built once per page; resolves true once the password was proved, false when cancelled. */
function askForPassword(): Promise<boolean> {
  const dialog = elementWith('dialog', { id: 'proof-dialog' });
  dialog.setAttribute('aria-labelledby', 'proof-title');
  const form = elementWith('form', { noValidate: true });
  const alert = elementWith('div', { className: 'alert', id: 'proof-alert' });
  alert.setAttribute('role', 'alert');
  const input = elementWith('input', { id: 'proof-password', type: 'password', name: 'password', autocomplete: 'current-password' });
  const label = elementWith('label', { htmlFor: 'proof-password', textContent: 'パスワード' });
  const submit = elementWith('button', { type: 'submit', className: 'button button-primary', textContent: '確認' });
  const cancel = elementWith('button', { type: 'button', className: 'button button-secondary', textContent: 'キャンセル' });
  const actions = elementWith('div', { className: 'actions' });
  actions.append(submit, cancel);
  const fieldBox = elementWith('div', { className: 'field' });
  fieldBox.append(label, input);
  form.append(
    elementWith('h2', { id: 'proof-title', textContent: '本人確認' }),
    elementWith('p', { textContent: PROMPT }),
    alert,
    fieldBox,
    actions,
  );
  dialog.append(form);
  document.body.append(dialog);
  dialog.showModal();
  input.focus();

  return new Promise((resolve) => {
    const done = (proved: boolean) => {
      dialog.close();
      dialog.remove();
      resolve(proved);
    };
    cancel.addEventListener('click', () => done(false));
    dialog.addEventListener('cancel', () => done(false));
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      if (!input.value) {
        alert.textContent = 'パスワードを入力してください。';
        return;
      }
      submit.disabled = true;
      const result = await postJson('proof', { password: input.value });
      submit.disabled = false;
      if (result.ok) return done(true);
      alert.textContent = result.error.message;
      input.value = '';
      input.focus();
    });
  });
}

/** The call's answer; when it asks for proof, the answer after the password was shown (or the refusal, if cancelled). */
export async function withProof<T>(call: () => Promise<ApiResult<T>>): Promise<ApiResult<T>> {
  const first = await call();
  if (first.ok || first.error.code !== 'PROOF_REQUIRED') return first;
  return (await askForPassword()) ? call() : first;
}
