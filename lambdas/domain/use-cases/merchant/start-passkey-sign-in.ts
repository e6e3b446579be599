import { challengeStep, rpIdOf } from '../../passkeys';
import type { PasskeyOptions } from '../../ports';
import { hashSessionId, newSessionId } from '../../session-id';
import type { PasskeyDeps } from '../shared/passkey-deps';

/**
 * パスキーでログイン, first half: a challenge for whichever passkey the merchant picks.
 * 1. A new step id (for the step cookie) holds a challenge for 5 minutes; no account is named.
 * 2. The options ask for a discoverable passkey of this site with user verification.
 */
export async function startPasskeySignIn(deps: PasskeyDeps): Promise<{ stepId: string; options: PasskeyOptions }> {
  const stepId = newSessionId(deps.random);
  const step = challengeStep(hashSessionId(stepId), 'passkey-sign-in', deps.random, deps.clock.now());
  await deps.steps.put(step);
  const options = await deps.ceremonies.authenticationOptions({ rpId: rpIdOf(deps.siteUrl), challenge: step.challenge!, allow: [] });
  return { stepId, options };
}
