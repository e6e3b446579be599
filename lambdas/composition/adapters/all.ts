import type { Adapters } from '../root';
import { cognitoIdentity } from './identity';
import { sesMailer } from './mailer';
import { passkeyCeremonies } from './passkey-ceremonies';

/** Every heavy adapter: for the ops command and local tools, which are not bundled for Lambda. */
export const ALL_ADAPTERS: Required<Adapters> = { identity: cognitoIdentity, mailer: sesMailer, ceremonies: passkeyCeremonies };
