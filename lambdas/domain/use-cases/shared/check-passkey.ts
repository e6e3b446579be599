import { rpIdOf } from '../../passkeys';
import type { PasskeyRecord } from '../../model';
import type { PasskeyResponse } from '../../ports';
import type { PasskeyDeps } from './passkey-deps';

export type PasskeyCheck = { ok: true; passkey: PasskeyRecord } | { ok: false; reason: string; loginId?: string };

/**
 * A passkey's answer to `challenge`, judged; nothing is written (the caller records the use
 * once everything else about the sign-in or proof has passed).
 * 1. The passkey is read by its credential ID (by key, consistently); an unknown one fails.
 * 2. When `loginId` is given, the passkey must be that account's.
 * 3. The library verifies the answer: this site's origin and RP ID, the challenge, user
 *    verification, the signature, and a counter that must not go backwards (a cloned key).
 * 4. The user handle the passkey gives, when it gives one, must be the account's.
 * The counter, backup state and last use are returned in the passkey.
 */
export async function checkPasskey(
  response: PasskeyResponse,
  challenge: string,
  deps: PasskeyDeps,
  loginId?: string,
): Promise<PasskeyCheck> {
  const passkey = await deps.passkeys.getPasskey(response.id);
  if (!passkey) return { ok: false, reason: 'unknown credential' };
  const owner = passkey.loginId;
  if (loginId !== undefined && owner !== loginId) return { ok: false, reason: 'passkey of another account', loginId };
  const verified = await deps.ceremonies.verifyAuthentication({
    response,
    challenge,
    origin: deps.siteUrl,
    rpId: rpIdOf(deps.siteUrl),
    passkey,
  });
  if (!verified.ok) return { ok: false, reason: verified.reason, loginId: owner };
  if (verified.userHandle !== undefined && verified.userHandle !== (await deps.passkeys.storedUserHandle(owner))) {
    return { ok: false, reason: 'user handle mismatch', loginId: owner };
  }
  const { counter, deviceType, backedUp } = verified;
  return { ok: true, passkey: { ...passkey, counter, deviceType, backedUp, lastUsedAt: deps.clock.now().toISOString() } };
}

/** Keeps what a verified use changed: counter, backup state, last use. */
export async function recordUse(passkey: PasskeyRecord, deps: PasskeyDeps): Promise<void> {
  const { counter, deviceType, backedUp, lastUsedAt } = passkey;
  await deps.passkeys.recordPasskeyUse(passkey.credentialId, { counter, deviceType, backedUp, lastUsedAt });
}
