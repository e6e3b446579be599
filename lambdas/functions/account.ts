import { cognitoIdentity } from '../composition/adapters/identity';
import { sesMailer } from '../composition/adapters/mailer';
import { zoneHandler } from '../composition/route-handler';
import { route as changePassword } from '../handlers/change-password';
import { route as emailChange } from '../handlers/email-change';
import { route as endOtherSessions } from '../handlers/end-other-sessions';
import { route as endSession } from '../handlers/end-session';
import { route as extendSession } from '../handlers/extend-session';
import { route as logout } from '../handlers/logout';
import { route as me } from '../handlers/me';
import { route as proof } from '../handlers/proof';
import { route as sessionTime } from '../handlers/session-time';
import { route as sessions } from '../handlers/sessions';

/** The signed-in account: who, the session and its idle time, password, email, re-proof, the devices. */
export const handler = zoneHandler(
  'account',
  [logout, me, sessionTime, extendSession, changePassword, emailChange, proof, sessions, endSession, endOtherSessions],
  { identity: cognitoIdentity, mailer: sesMailer },
);
