import type { MailWording } from '../../emails/common';
import { requireFreshProof } from '../../fresh-proof';
import { challengeStep, newChallenge, rpIdOf, sessionStepIdHash } from '../../passkeys';
import type { PasskeyOptions } from '../../ports';
import type { PasskeyDeps } from '../shared/passkey-deps';
import { signedInAccount, type SignedInDeps } from '../shared/signed-in-account';

export interface PasskeyRegistrationDeps extends SignedInDeps, PasskeyDeps {
  wording: MailWording;
}

/**
 * このデバイスにパスキーを登録, first half: the options for the browser.
 * 1. The session must stand for an active account (one still to set up a factor too) and have
 *    been proved within minutes.
 * 2. The account's WebAuthn user handle is read, or made (random; never the login ID or email).
 * 3. A challenge is kept as this session's passkey-registration step (single use, 5 minutes).
 * 4. The options name this site, the merchant's email, and the passkeys they have already (so the
 *    same device is not registered twice); a discoverable passkey with user verification.
 */
export async function startPasskeyRegistration(sessionId: string | undefined, deps: PasskeyRegistrationDeps): Promise<PasskeyOptions> {
  const { session, account } = await signedInAccount(sessionId, deps, { duringSetup: true });
  const now = deps.clock.now();
  requireFreshProof(session, now);
  const userHandle = await deps.passkeys.userHandle(account.loginId, newChallenge(deps.random));
  const step = challengeStep(
    sessionStepIdHash(session.sessionIdHash, 'passkey-registration'),
    'passkey-registration',
    deps.random,
    now,
    account.loginId,
  );
  await deps.steps.put(step);
  return deps.ceremonies.registrationOptions({
    rpName: deps.wording.brandName,
    rpId: rpIdOf(deps.siteUrl),
    userHandle,
    userName: account.email,
    challenge: step.challenge!,
    exclude: await deps.passkeys.passkeysOf(account.loginId),
  });
}
