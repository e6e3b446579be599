import { cognitoIdentity } from '../composition/adapters/identity';
import { sesMailer } from '../composition/adapters/mailer';
import { zoneHandler } from '../composition/route-handler';
import { route as completeEmailChange } from '../handlers/complete-email-change';
import { route as completePasswordReset } from '../handlers/complete-password-reset';
import { route as completeRegistration } from '../handlers/complete-registration';
import { route as emailChangeStatus } from '../handlers/email-change-status';
import { route as firstLogin } from '../handlers/first-login';
import { route as login } from '../handlers/login';
import { route as passwordReset } from '../handlers/password-reset';
import { route as passwordResetStatus } from '../handlers/password-reset-status';
import { route as registrationStatus } from '../handlers/registration-status';

/** The ways in without a session: first login, login, the forgotten password, the email change's link; and the default route. */
export const handler = zoneHandler(
  'sign-in',
  [
    firstLogin,
    registrationStatus,
    completeRegistration,
    login,
    passwordReset,
    passwordResetStatus,
    completePasswordReset,
    emailChangeStatus,
    completeEmailChange,
  ],
  { identity: cognitoIdentity, mailer: sesMailer },
);
