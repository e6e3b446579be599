/**
 * パスキーの管理 (passkeys.html): register a passkey on this device, and see, rename or delete
 * the merchant's passkeys. Without a session the merchant goes to login.
 */
import { japanDateTime } from '../../../lambdas/domain/japan-time';
import { getJson, postJson } from './api';
import { startPage } from './boot';
import { byId, element, tell, warn } from './dom';
import { createPasskey, PASSKEY_CANCELLED, PASSKEY_UNSUPPORTED } from './passkey-ceremony';
import { withProof } from './proof-prompt';
import { handOverRecoveryCodes } from './recovery-codes-handover';
import { leftForLogin } from './session-exit';
import { startSignedIn } from './signed-in';

interface Passkey {
  id: string;
  name: string;
  addedAt: string;
  lastUsedAt: string | null;
  synced: boolean;
}

const alertRegion = () => byId('form-alert');

async function load(): Promise<void> {
  const result = await getJson<{ passkeys: Passkey[] }>('passkeys');
  byId('passkeys-loading').hidden = true;
  if (!result.ok) {
    if (!leftForLogin(result)) warn(result.error.message);
    return;
  }
  const list = byId('passkey-list');
  list.replaceChildren(...result.data.passkeys.map(item));
  byId('no-passkeys').hidden = result.data.passkeys.length > 0;
}

function item(passkey: Passkey): HTMLElement {
  const li = element('li', undefined, 'passkey');
  li.dataset.passkeyId = passkey.id;
  const details = element('dl', undefined, 'account');
  const row = (term: string, value: string) => {
    const div = element('div');
    div.append(element('dt', term), element('dd', value));
    return div;
  };
  details.append(
    row('登録日時', japanDateTime(passkey.addedAt)),
    row('最終利用日時', passkey.lastUsedAt ? japanDateTime(passkey.lastUsedAt) : '—（まだ利用されていません）'),
    row('種類', passkey.synced ? '同期されるパスキー（同じアカウントの他のデバイスでも使えます）' : 'このデバイスのみのパスキー'),
  );

  const form = element('form', undefined, 'rename');
  form.noValidate = true;
  const id = `name-${passkey.id}`;
  const label = element('label', 'パスキーの名前');
  label.htmlFor = id;
  const input = element('input');
  input.id = id;
  input.name = 'name';
  input.value = passkey.name;
  input.maxLength = 50;
  const save = element('button', '名前を変更', 'button');
  save.type = 'submit';
  form.append(label, input, save);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void rename(passkey.id, input.value, save);
  });

  const remove = element('button', 'このパスキーを削除', 'button');
  remove.type = 'button';
  remove.addEventListener('click', () => void removePasskey(passkey, remove));

  li.append(element('h3', passkey.name, 'passkey-name'), details, form, remove);
  return li;
}

async function rename(id: string, name: string, button: HTMLButtonElement): Promise<void> {
  button.disabled = true;
  const result = await postJson<{ name: string }>('rename-passkey', { id, name });
  button.disabled = false;
  if (result.ok) {
    tell(`パスキーの名前を「${result.data.name}」に変更しました。`);
    await load();
  } else if (!leftForLogin(result)) warn(result.error.fields?.name ?? result.error.message);
}

async function removePasskey(passkey: Passkey, button: HTMLButtonElement): Promise<void> {
  if (!window.confirm(`パスキー「${passkey.name}」を削除します。よろしいですか？`)) return;
  button.disabled = true;
  const result = await withProof(() => postJson('delete-passkey', { id: passkey.id }));
  button.disabled = false;
  if (result.ok) {
    tell(`パスキー「${passkey.name}」を削除しました。`);
    await load();
  } else if (!leftForLogin(result)) warn(result.error.message);
}

async function register(button: HTMLButtonElement): Promise<void> {
  button.disabled = true;
  try {
    const options = await withProof(() => postJson<{ options: unknown }>('passkey-registration-options', {}));
    if (!options.ok) {
      if (!leftForLogin(options)) warn(options.error.message);
      return;
    }
    const created = await createPasskey(options.data.options);
    if (!created.ok) {
      if (created.why === 'cancelled') tell(PASSKEY_CANCELLED, 'info');
      else warn(created.why === 'unsupported' ? PASSKEY_UNSUPPORTED : 'パスキーを登録できませんでした。もう一度お試しください。');
      return;
    }
    const result = await postJson<{ name: string; recoveryCodes?: string[] }>('register-passkey', { response: created.response });
    if (!result.ok) {
      if (!leftForLogin(result)) warn(result.error.message);
      return;
    }
    // The first factor brings the recovery codes: 2段階認証の設定 shows them, once.
    if (result.data.recoveryCodes) return handOverRecoveryCodes(result.data.recoveryCodes);
    tell(`パスキー「${result.data.name}」を登録しました。次回から「パスキーでログイン」でログインできます。`);
    await load();
  } finally {
    button.disabled = false;
  }
}

startPage(() => {
  startSignedIn(alertRegion());
  const button = byId<HTMLButtonElement>('register-passkey');
  button.addEventListener('click', () => void register(button));
  void load();
});
