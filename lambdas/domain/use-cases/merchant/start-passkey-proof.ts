import { challengeStep, rpIdOf, sessionStepIdHash } from '../../passkeys';
import type { PasskeyOptions } from '../../ports';
import type { PasskeyDeps } from '../shared/passkey-deps';
import { signedInAccount, type SignedInDeps } from '../shared/signed-in-account';

/**
 * 本人確認 with a passkey (before a sensitive change), first half.
 * 1. The session must stand for an active account.
 * 2. A challenge is kept as this session's passkey-proof step (single use, 5 minutes).
 * 3. The options allow only the merchant's own passkeys, with user verification.
 */
export async function startPasskeyProof(sessionId: string | undefined, deps: SignedInDeps & PasskeyDeps): Promise<PasskeyOptions> {
  const { session, account } = await signedInAccount(sessionId, deps);
  const step = challengeStep(
    sessionStepIdHash(session.sessionIdHash, 'passkey-proof'),
    'passkey-proof',
    deps.random,
    deps.clock.now(),
    account.loginId,
  );
  await deps.steps.put(step);
  const allow = await deps.passkeys.passkeysOf(account.loginId);
  return deps.ceremonies.authenticationOptions({ rpId: rpIdOf(deps.siteUrl), challenge: step.challenge!, allow });
}
