import { sesMailer } from '../composition/adapters/mailer';
import { passkeyCeremonies } from '../composition/adapters/passkey-ceremonies';
import { zoneHandler } from '../composition/route-handler';
import { route as authenticatorConfirm } from '../handlers/authenticator-confirm';
import { route as authenticatorRemove } from '../handlers/authenticator-remove';
import { route as authenticatorSetup } from '../handlers/authenticator-setup';
import { route as deletePasskey } from '../handlers/delete-passkey';
import { route as factors } from '../handlers/factors';
import { route as loginPasskey } from '../handlers/login-passkey';
import { route as loginPasskeyOptions } from '../handlers/login-passkey-options';
import { route as passkeyLogin } from '../handlers/passkey-login';
import { route as passkeyLoginOptions } from '../handlers/passkey-login-options';
import { route as passkeyProof } from '../handlers/passkey-proof';
import { route as passkeyProofOptions } from '../handlers/passkey-proof-options';
import { route as passkeyRegistrationOptions } from '../handlers/passkey-registration-options';
import { route as passkeys } from '../handlers/passkeys';
import { route as recoveryCodes } from '../handlers/recovery-codes';
import { route as registerPasskey } from '../handlers/register-passkey';
import { route as renamePasskey } from '../handlers/rename-passkey';
import { route as secondFactor } from '../handlers/second-factor';

/** Passkeys and the authenticator app: the only function with the WebAuthn verifier and the TOTP key. */
export const handler = zoneHandler(
  'second-factors',
  [
    passkeyRegistrationOptions,
    registerPasskey,
    passkeys,
    renamePasskey,
    deletePasskey,
    passkeyProofOptions,
    passkeyProof,
    passkeyLoginOptions,
    passkeyLogin,
    loginPasskeyOptions,
    loginPasskey,
    secondFactor,
    factors,
    authenticatorSetup,
    authenticatorConfirm,
    authenticatorRemove,
    recoveryCodes,
  ],
  { mailer: sesMailer, ceremonies: passkeyCeremonies },
);
