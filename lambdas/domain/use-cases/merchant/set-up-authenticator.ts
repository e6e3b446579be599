import { authenticatorUri, groupedKey, newAuthenticatorSecret, sealSecret } from '../../authenticator-code';
import type { MailWording } from '../../emails/common';
import { SecondFactorStateError } from '../../errors';
import { requireFreshProof } from '../../fresh-proof';
import type { CodeFactorStore, Random } from '../../ports';
import { signedInAccount, type SignedInDeps } from '../shared/signed-in-account';

export interface SetUpAuthenticatorDeps extends SignedInDeps {
  codeFactors: CodeFactorStore;
  random: Random;
  wording: MailWording;
  totpKey: string;
}

export interface AuthenticatorEnrolment {
  /** The otpauth:// URI for the QR code. */
  uri: string;
  /** The same key for typing by hand, in groups of four. */
  key: string;
  /** What the app will show: brand and email. */
  accountName: string;
}

/**
 * 認証アプリの設定 → 開始 (signed in, proved within minutes).
 * 1. The session must stand (one still to set up a factor too) and have been proved lately.
 * 2. No confirmed app may be there already (it is removed first); an earlier unfinished set-up is
 *    replaced.
 * 3. A new secret (Random, 160 bits) is stored sealed, waiting for its first right code; it is
 *    not a factor until then. Audited.
 * 4. The URI, the grouped key and the account name are returned for the page.
 */
export async function setUpAuthenticator(sessionId: string | undefined, deps: SetUpAuthenticatorDeps): Promise<AuthenticatorEnrolment> {
  const { session, account } = await signedInAccount(sessionId, deps, { duringSetup: true });
  const { loginId, email } = account;
  const now = deps.clock.now();
  requireFreshProof(session, now);

  const secret = newAuthenticatorSecret(deps.random);
  const stored = await deps.codeFactors.putPendingAuthenticator({
    loginId,
    kind: 'authenticator',
    addedAt: now.toISOString(),
    sealedSecret: sealSecret(deps.totpKey, loginId, secret, deps.random),
  });
  if (!stored) {
    deps.audit.record({ event: 'mfa.authenticator.setup', outcome: 'failure', loginId, email, reason: 'already set up' });
    throw new SecondFactorStateError(
      'already set up',
      '認証アプリはすでに設定されています。設定し直す場合は、いまの認証アプリを削除してから設定してください。',
    );
  }
  deps.audit.record({ event: 'mfa.authenticator.setup', outcome: 'success', loginId, email });
  const issuer = deps.wording.brandName;
  return { uri: authenticatorUri(issuer, email, secret), key: groupedKey(secret), accountName: `${issuer} (${email})` };
}
