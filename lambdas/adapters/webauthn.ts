import type { AuthenticationResponseJSON, RegistrationResponseJSON, WebAuthnCredential } from '@simplewebauthn/server';
import type { PasskeyCeremonies, PasskeyOptions } from '../domain/ports';

/**
 * The library and its crypto load on the first ceremony, not at the cold start: most requests to
 * the second-factors function (the only one whose bundle holds it) never see a passkey.
 */
const library = () => import('@simplewebauthn/server');

/** How long the browser's prompt stays open (the challenge itself lives 5 minutes). */
const PROMPT_TIMEOUT_MS = 120_000;

/**
 * The library's messages can quote the challenge or origin they compared; the audit gets a
 * short reason in our words instead.
 */
function reasonOf(error: unknown): string {
  const message = error instanceof Error ? error.message : '';
  const known: [RegExp, string][] = [
    [/counter/i, 'counter went backwards (possible cloned passkey)'],
    [/origin/i, 'wrong origin'],
    [/RP ID/i, 'wrong RP ID'],
    [/challenge/i, 'wrong challenge'],
    [/verif/i, 'user not verified'],
    [/present/i, 'user not present'],
    [/type/i, 'wrong response type'],
  ];
  return known.find(([pattern]) => pattern.test(message))?.[1] ?? 'malformed response';
}

const transports = (list?: string[]) => list as WebAuthnCredential['transports'];
const toBytes = (base64url: string) => new Uint8Array(Buffer.from(base64url, 'base64url'));

/** The WebAuthn ceremonies of @simplewebauthn/server. */
export const simpleWebAuthn: PasskeyCeremonies = {
  async registrationOptions({ rpName, rpId, userHandle, userName, challenge, exclude }) {
    const options = await (await library()).generateRegistrationOptions({
      rpName,
      rpID: rpId,
      userID: toBytes(userHandle),
      userName,
      userDisplayName: userName,
      challenge: toBytes(challenge),
      timeout: PROMPT_TIMEOUT_MS,
      attestationType: 'none',
      excludeCredentials: exclude.map((p) => ({ id: p.credentialId, transports: transports(p.transports) })),
      authenticatorSelection: { residentKey: 'required', userVerification: 'required' },
    });
    return options as unknown as PasskeyOptions;
  },

  async verifyRegistration({ response, challenge, origin, rpId }) {
    try {
      const result = await (await library()).verifyRegistrationResponse({
        response: response as unknown as RegistrationResponseJSON,
        expectedChallenge: challenge,
        expectedOrigin: origin,
        expectedRPID: rpId,
        requireUserVerification: true,
      });
      if (!result.verified) return { ok: false, reason: 'not verified' };
      const { credential, credentialDeviceType, credentialBackedUp } = result.registrationInfo;
      return {
        ok: true,
        credentialId: credential.id,
        publicKey: Buffer.from(credential.publicKey).toString('base64url'),
        counter: credential.counter,
        transports: credential.transports,
        deviceType: credentialDeviceType,
        backedUp: credentialBackedUp,
      };
    } catch (error) {
      return { ok: false, reason: reasonOf(error) };
    }
  },

  async authenticationOptions({ rpId, challenge, allow }) {
    const options = await (await library()).generateAuthenticationOptions({
      rpID: rpId,
      challenge: toBytes(challenge),
      timeout: PROMPT_TIMEOUT_MS,
      userVerification: 'required',
      allowCredentials: allow.map((p) => ({ id: p.credentialId, transports: transports(p.transports) })),
    });
    return options as unknown as PasskeyOptions;
  },

  async verifyAuthentication({ response, challenge, origin, rpId, passkey }) {
    try {
      const json = response as unknown as AuthenticationResponseJSON;
      const result = await (await library()).verifyAuthenticationResponse({
        response: json,
        expectedChallenge: challenge,
        expectedOrigin: origin,
        expectedRPID: rpId,
        requireUserVerification: true,
        credential: {
          id: passkey.credentialId,
          publicKey: toBytes(passkey.publicKey),
          counter: passkey.counter,
          transports: transports(passkey.transports),
        },
      });
      if (!result.verified) return { ok: false, reason: 'signature not verified' };
      const { newCounter, credentialDeviceType, credentialBackedUp } = result.authenticationInfo;
      return {
        ok: true,
        counter: newCounter,
        deviceType: credentialDeviceType,
        backedUp: credentialBackedUp,
        userHandle: json.response?.userHandle,
      };
    } catch (error) {
      return { ok: false, reason: reasonOf(error) };
    }
  },
};
