import type { MailWording } from '../../emails/common';
import { factorRemovedEmail } from '../../emails/second-factor';
import { SecondFactorStateError } from '../../errors';
import { requireFreshProof } from '../../fresh-proof';
import type { MfaPolicy } from '../../mfa-policy';
import type { CodeFactorStore, FactorStore, Mailer } from '../../ports';
import { factorsLeftOnRemoval } from '../shared/second-factors';
import { sendNotice } from '../shared/send-notice';
import { signedInAccount, type SignedInDeps } from '../shared/signed-in-account';

export interface RemoveAuthenticatorDeps extends SignedInDeps {
  factors: FactorStore;
  codeFactors: CodeFactorStore;
  mailer: Mailer;
  wording: MailWording;
  mfaPolicy: MfaPolicy;
}

/**
 * 認証アプリの削除 (signed in, proved within minutes).
 * 1. The session must stand and have been proved lately; an app must be set up.
 * 2. Under the required policy the last factor (passkeys count) cannot be removed (audited).
 * 3. The app is removed; when no factor is left the recovery codes go too, so the password alone
 *    signs in again. Audited, and a notice is mailed.
 */
export async function removeAuthenticator(sessionId: string | undefined, deps: RemoveAuthenticatorDeps): Promise<void> {
  const { session, account } = await signedInAccount(sessionId, deps);
  const { loginId, email } = account;
  const now = deps.clock.now();
  requireFreshProof(session, now);
  const refuse = (reason: string, error: Error): never => {
    deps.audit.record({ event: 'mfa.authenticator.removed', outcome: 'failure', loginId, email, reason });
    throw error;
  };

  const authenticator = await deps.codeFactors.authenticatorOf(loginId);
  if (!authenticator?.confirmedAt) return refuse('none', new SecondFactorStateError('none', '認証アプリは設定されていません。'));
  const factorsLeft = await factorsLeftOnRemoval(loginId, deps, refuse);
  await deps.codeFactors.removeAuthenticator(loginId);
  if (factorsLeft === 0) await deps.codeFactors.removeRecoveryCodes(loginId);
  deps.audit.record({ event: 'mfa.authenticator.removed', outcome: 'success', loginId, email, factorsLeft });
  await sendNotice(deps, factorRemovedEmail(email, '認証アプリ', now.toISOString(), deps.wording), loginId);
}
