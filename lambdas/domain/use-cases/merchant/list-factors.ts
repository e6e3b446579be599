import type { MfaPolicy } from '../../mfa-policy';
import type { CodeFactorStore, FactorStore } from '../../ports';
import { signedInAccount, type SignedInDeps } from '../shared/signed-in-account';

export interface ListFactorsDeps extends SignedInDeps {
  factors: FactorStore;
  codeFactors: CodeFactorStore;
  mfaPolicy: MfaPolicy;
}

/** What 2段階認証の設定 shows: which factors exist and when; never a secret or a code. */
export interface FactorOverview {
  policy: MfaPolicy;
  authenticator: { addedAt: string; lastUsedAt: string | null } | null;
  recoveryCodes: { remaining: number; generatedAt: string } | null;
  passkeys: number;
}

/**
 * 2段階認証の設定 → 表示 (signed in; a session still to set up a factor too).
 * 1. The session must stand.
 * 2. The app (when confirmed), the recovery codes (how many remain, made when) and the number of
 *    passkeys are returned with the stage's policy.
 */
export async function listFactors(sessionId: string | undefined, deps: ListFactorsDeps): Promise<FactorOverview> {
  const { account } = await signedInAccount(sessionId, deps, { duringSetup: true });
  const { loginId } = account;
  const authenticator = await deps.codeFactors.authenticatorOf(loginId);
  const codes = await deps.codeFactors.recoveryCodesOf(loginId);
  const passkeys = (await deps.factors.listOf(loginId)).filter((f) => f.kind === 'passkey').length;
  return {
    policy: deps.mfaPolicy,
    authenticator: authenticator?.confirmedAt ? { addedAt: authenticator.confirmedAt, lastUsedAt: authenticator.lastUsedAt ?? null } : null,
    recoveryCodes: codes ? { remaining: codes.codeHashes.length, generatedAt: codes.addedAt } : null,
    passkeys,
  };
}
