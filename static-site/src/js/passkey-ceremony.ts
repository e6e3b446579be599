/**
 * The browser's side of a passkey: the WebAuthn call made by @simplewebauthn/browser with the
 * options the server gave. A prompt the merchant closes (or that times out) is not an error.
 */
import { browserSupportsWebAuthn, startAuthentication, startRegistration } from '@simplewebauthn/browser';

export type Ceremony<T> = { ok: true; response: T } | { ok: false; why: 'cancelled' | 'unsupported' | 'failed' };

export const PASSKEY_CANCELLED = 'パスキーの操作が取り消されました。もう一度お試しいただけます。';
export const PASSKEY_UNSUPPORTED = 'このブラウザではパスキーを利用できません。';

async function ceremony<T>(run: () => Promise<T>): Promise<Ceremony<T>> {
  if (!browserSupportsWebAuthn()) return { ok: false, why: 'unsupported' };
  try {
    return { ok: true, response: await run() };
  } catch (error) {
    const name = (error as { name?: string }).name;
    return { ok: false, why: name === 'NotAllowedError' || name === 'AbortError' ? 'cancelled' : 'failed' };
  }
}

// The options come from the server as the library's own JSON shapes.
type Options<F extends (o: { optionsJSON: never }) => unknown> = Parameters<F>[0]['optionsJSON'];

export const createPasskey = (options: unknown) =>
  ceremony(() => startRegistration({ optionsJSON: options as Options<typeof startRegistration> }));

export const usePasskey = (options: unknown) =>
  ceremony(() => startAuthentication({ optionsJSON: options as Options<typeof startAuthentication> }));
