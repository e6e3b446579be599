/**
 * 本人確認 with a passkey, for any signed-in page that was answered PROOF_REQUIRED: the merchant
 * touches their passkey and the session counts as proved again.
 */
import { postJson } from './api';
import { usePasskey } from './passkey-ceremony';

/** True when the session is proved again; false when the merchant cancelled or it did not pass. */
export async function proveWithPasskey(): Promise<boolean> {
  const options = await postJson<{ options: unknown }>('passkey-proof-options', {});
  if (!options.ok) return false;
  const answer = await usePasskey(options.data.options);
  if (!answer.ok) return false;
  return (await postJson('passkey-proof', { response: answer.response })).ok;
}
