import { PasskeyNotFoundError } from '../../errors';
import { passkeyName } from '../../passkeys';
import type { PasskeyStore } from '../../ports';
import { signedInAccount, type SignedInDeps } from '../shared/signed-in-account';

/**
 * パスキーの名前を変更.
 * 1. The session must stand for an active account; the name must be 1–50 characters.
 * 2. Only the merchant's own passkey is renamed; another's (or a removed one) is not found.
 * 3. The rename is audited.
 */
export async function renamePasskey(
  sessionId: string | undefined,
  input: { id: string; name: string },
  deps: SignedInDeps & { passkeys: PasskeyStore },
): Promise<{ id: string; name: string }> {
  const { account } = await signedInAccount(sessionId, deps);
  const name = passkeyName(input.name, deps.clock.now());
  const line = { event: 'passkey.renamed', loginId: account.loginId, email: account.email } as const;
  if (!(await deps.passkeys.renamePasskey(input.id, account.loginId, name))) {
    deps.audit.record({ ...line, outcome: 'failure', reason: 'not the account passkey' });
    throw new PasskeyNotFoundError();
  }
  deps.audit.record({ ...line, outcome: 'success' });
  return { id: input.id, name };
}
