/**
 * A passkey authenticator played in Node, for tests: a P-256 key pair, a credential ID and a
 * counter, answering WebAuthn options the way a browser and its authenticator would (attestation
 * `none`, an ES256 assertion). Overrides make the broken answers a test refuses.
 */
import { createHash, generateKeyPairSync, randomBytes, sign, type KeyObject } from 'node:crypto';
import { isoCBOR } from '@simplewebauthn/server/helpers';

interface Options {
  challenge: string;
  rp?: { id?: string };
  rpId?: string;
  user?: { id: string };
}

export interface Overrides {
  origin?: string;
  rpId?: string;
  /** User verified (UV flag); true unless told. */
  userVerified?: boolean;
  /** The counter to sign with (default: one more than the last). */
  counter?: number;
  userHandle?: string;
  /** Sign something else: the signature will not verify. */
  forgeSignature?: boolean;
}

const FLAG_UP = 0x01;
const FLAG_UV = 0x04;
const FLAG_BE = 0x08;
const FLAG_BS = 0x10;
const FLAG_AT = 0x40;

const b64url = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64url');
const sha256 = (data: Uint8Array | string) => createHash('sha256').update(data).digest();

export class NodeAuthenticator {
  readonly credentialId = b64url(randomBytes(16));
  private readonly privateKey: KeyObject;
  private readonly publicKey: KeyObject;
  private counter = 0;
  /** The user handle kept at registration (a discoverable passkey gives it back at sign-in). */
  userHandle: string | undefined;

  constructor(
    private readonly origin: string,
    private readonly synced = false,
  ) {
    const pair = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    this.privateKey = pair.privateKey;
    this.publicKey = pair.publicKey;
  }

  /** navigator.credentials.create(): the RegistrationResponseJSON for these options. */
  create(options: Options, overrides: Overrides = {}) {
    const rpId = overrides.rpId ?? options.rp?.id ?? new URL(this.origin).hostname;
    this.userHandle = options.user?.id;
    const authData = this.authenticatorData(rpId, overrides, this.attestedCredential());
    const clientDataJSON = this.clientData('webauthn.create', options.challenge, overrides);
    const attestationObject = isoCBOR.encode(
      new Map<string, unknown>([
        ['fmt', 'none'],
        ['attStmt', new Map()],
        ['authData', authData],
      ]) as never,
    );
    return {
      id: this.credentialId,
      rawId: this.credentialId,
      type: 'public-key',
      response: { clientDataJSON: b64url(clientDataJSON), attestationObject: b64url(attestationObject), transports: ['internal'] },
      clientExtensionResults: {},
      authenticatorAttachment: 'platform',
    };
  }

  /** navigator.credentials.get(): the AuthenticationResponseJSON for these options. */
  get(options: Options, overrides: Overrides = {}) {
    const rpId = overrides.rpId ?? options.rpId ?? new URL(this.origin).hostname;
    const authData = this.authenticatorData(rpId, overrides);
    const clientDataJSON = this.clientData('webauthn.get', options.challenge, overrides);
    const signed = Buffer.concat([authData, sha256(clientDataJSON)]);
    const signature = sign('sha256', overrides.forgeSignature ? randomBytes(signed.length) : signed, this.privateKey);
    const userHandle = 'userHandle' in overrides ? overrides.userHandle : this.userHandle;
    return {
      id: this.credentialId,
      rawId: this.credentialId,
      type: 'public-key',
      response: {
        clientDataJSON: b64url(clientDataJSON),
        authenticatorData: b64url(authData),
        signature: b64url(signature),
        ...(userHandle === undefined ? {} : { userHandle }),
      },
      clientExtensionResults: {},
      authenticatorAttachment: 'platform',
    };
  }

  private clientData(type: string, challenge: string, overrides: Overrides): Buffer {
    return Buffer.from(JSON.stringify({ type, challenge, origin: overrides.origin ?? this.origin, crossOrigin: false }));
  }

  private authenticatorData(rpId: string, overrides: Overrides, attested?: Buffer): Buffer {
    this.counter = overrides.counter ?? this.counter + 1;
    const flags =
      FLAG_UP | (overrides.userVerified === false ? 0 : FLAG_UV) | (this.synced ? FLAG_BE | FLAG_BS : 0) | (attested ? FLAG_AT : 0);
    const counter = Buffer.alloc(4);
    counter.writeUInt32BE(this.counter);
    return Buffer.concat([sha256(rpId), Buffer.from([flags]), counter, attested ?? Buffer.alloc(0)]);
  }

  private attestedCredential(): Buffer {
    const id = Buffer.from(this.credentialId, 'base64url');
    const length = Buffer.alloc(2);
    length.writeUInt16BE(id.length);
    const jwk = this.publicKey.export({ format: 'jwk' });
    const coseKey = isoCBOR.encode(
      new Map<number, unknown>([
        [1, 2],
        [3, -7],
        [-1, 1],
        [-2, Buffer.from(jwk.x!, 'base64url')],
        [-3, Buffer.from(jwk.y!, 'base64url')],
      ]) as never,
    );
    return Buffer.concat([Buffer.alloc(16), length, id, coseKey]);
  }
}
