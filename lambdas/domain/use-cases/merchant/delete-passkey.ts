import type { MailWording } from '../../emails/common';
import { passkeyDeletedEmail } from '../../emails/second-factor';
import { PasskeyNotFoundError } from '../../errors';
import { requireFreshProof } from '../../fresh-proof';
import type { CodeFactorStore, FactorStore, Mailer, PasskeyStore } from '../../ports';
import { factorsLeftOnRemoval } from '../shared/second-factors';
import { sendNotice } from '../shared/send-notice';
import { signedInAccount, type SignedInDeps } from '../shared/signed-in-account';

export interface DeletePasskeyDeps extends SignedInDeps {
  passkeys: PasskeyStore;
  factors: FactorStore;
  codeFactors: CodeFactorStore;
  mailer: Mailer;
  wording: MailWording;
  mfaPolicy: 'off' | 'optional' | 'required';
}

/**
 * パスキーを削除.
 * 1. The session must stand for an active account and have been proved within minutes.
 * 2. Only the merchant's own passkey can be deleted; another's (or a removed one) is not found.
 * 3. Where the stage requires two-step sign-in, the last factor (recovery codes are not one)
 *    cannot be deleted.
 * 4. The passkey is removed (only while it is still the merchant's); with the last factor the
 *    recovery codes go too (a password sign-in then asks no second step). The deletion is
 *    audited and a notice sent (a failed notice is only logged).
 */
export async function deletePasskey(sessionId: string | undefined, input: { id: string }, deps: DeletePasskeyDeps): Promise<void> {
  const { session, account } = await signedInAccount(sessionId, deps);
  const { loginId, email } = account;
  const now = deps.clock.now();
  requireFreshProof(session, now);
  const refuse = (reason: string, error: Error): never => {
    deps.audit.record({ event: 'passkey.deleted', outcome: 'failure', loginId, email, reason });
    throw error;
  };

  const passkey = await deps.passkeys.getPasskey(input.id);
  if (passkey?.loginId !== loginId) return refuse('not the account passkey', new PasskeyNotFoundError());
  const factorsLeft = await factorsLeftOnRemoval(loginId, deps, refuse);
  if (!(await deps.passkeys.removePasskey(input.id, loginId))) return refuse('removed meanwhile', new PasskeyNotFoundError());
  if (factorsLeft === 0) await deps.codeFactors.removeRecoveryCodes(loginId);
  deps.audit.record({ event: 'passkey.deleted', outcome: 'success', loginId, email });
  await sendNotice(deps, passkeyDeletedEmail(email, passkey.name, now.toISOString(), deps.wording), loginId);
}
