import { simpleWebAuthn } from '../../adapters/webauthn';
import type { PasskeyCeremonies } from '../../domain/ports';
import type { AdapterFactory } from './context';

/** The WebAuthn verifier: only the second-factors function imports this, so only its bundle holds the library. */
export const passkeyCeremonies: AdapterFactory<PasskeyCeremonies> = () => simpleWebAuthn;
