import {
  AdminCreateUserCommand,
  AdminDeleteUserCommand,
  AdminGetUserCommand,
  AdminInitiateAuthCommand,
  AdminSetUserPasswordCommand,
  AdminUpdateUserAttributesCommand,
  type CognitoIdentityProviderClient,
} from '@aws-sdk/client-cognito-identity-provider';
import { EmailUnavailableError } from '../domain/errors';
import type { Identity } from '../domain/ports';
import { LOGIN_ID_USER_ATTRIBUTE as LOGIN_ID_ATTRIBUTE } from '../resources/user-pool-definition';

/** Cognito's ways of saying "not this user with this password" (the local emulator adds InvalidPassword). */
const WRONG_CREDENTIALS = new Set([
  'NotAuthorizedException',
  'UserNotFoundException',
  'InvalidPasswordException',
  'UserNotConfirmedException',
  'PasswordResetRequiredException',
]);

function claimsOf(jwt: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(jwt.split('.')[1] ?? '', 'base64url').toString('utf8'));
}

/** The Cognito user pool as the merchants' password authority; usernames are lower-cased emails. */
export class CognitoIdentity implements Identity {
  constructor(
    private readonly cognito: CognitoIdentityProviderClient,
    private readonly userPoolId: string,
    private readonly clientId: string,
  ) {}

  async register(user: { email: string; loginId: string; password: string }): Promise<void> {
    try {
      await this.cognito.send(
        new AdminCreateUserCommand({
          UserPoolId: this.userPoolId,
          Username: user.email,
          MessageAction: 'SUPPRESS',
          UserAttributes: [
            { Name: 'email', Value: user.email },
            { Name: 'email_verified', Value: 'true' },
            { Name: LOGIN_ID_ATTRIBUTE, Value: user.loginId },
          ],
        }),
      );
    } catch (error) {
      if ((error as Error).name !== 'UsernameExistsException') throw error;
      // Left by an interrupted attempt of this same merchant: finish it. Anyone else's: refuse.
      if ((await this.loginIdOf(user.email)) !== user.loginId) throw new EmailUnavailableError();
    }
    await this.setPassword(user.email, user.password);
  }

  async verifyPassword(email: string, password: string): Promise<string | undefined> {
    try {
      const result = await this.cognito.send(
        new AdminInitiateAuthCommand({
          UserPoolId: this.userPoolId,
          ClientId: this.clientId,
          AuthFlow: 'ADMIN_USER_PASSWORD_AUTH',
          AuthParameters: { USERNAME: email, PASSWORD: password },
        }),
      );
      // The ID token comes straight from Cognito over TLS; its claims name the merchant.
      const idToken = result.AuthenticationResult?.IdToken;
      const loginId = idToken && claimsOf(idToken)[LOGIN_ID_ATTRIBUTE];
      return typeof loginId === 'string' ? loginId : undefined;
    } catch (error) {
      if (WRONG_CREDENTIALS.has((error as Error).name)) return undefined;
      throw error;
    }
  }

  async setPassword(email: string, password: string): Promise<void> {
    await this.cognito.send(
      new AdminSetUserPasswordCommand({ UserPoolId: this.userPoolId, Username: email, Password: password, Permanent: true }),
    );
  }

  async changeEmail(email: string, newEmail: string): Promise<void> {
    // With email as username attribute, changing the (verified) email changes the sign-in name.
    try {
      await this.cognito.send(
        new AdminUpdateUserAttributesCommand({
          UserPoolId: this.userPoolId,
          Username: email,
          UserAttributes: [
            { Name: 'email', Value: newEmail },
            { Name: 'email_verified', Value: 'true' },
          ],
        }),
      );
    } catch (error) {
      if (['AliasExistsException', 'UsernameExistsException'].includes((error as Error).name)) throw new EmailUnavailableError();
      throw error;
    }
  }

  async removeUser(email: string): Promise<boolean> {
    try {
      await this.cognito.send(new AdminDeleteUserCommand({ UserPoolId: this.userPoolId, Username: email }));
      return true;
    } catch (error) {
      // Already gone (a reset-registration run again after a failure): nothing left to do.
      if ((error as Error).name === 'UserNotFoundException') return false;
      throw error;
    }
  }

  private async loginIdOf(email: string): Promise<string | undefined> {
    const user = await this.cognito.send(new AdminGetUserCommand({ UserPoolId: this.userPoolId, Username: email }));
    return user.UserAttributes?.find((a) => a.Name === LOGIN_ID_ATTRIBUTE)?.Value;
  }
}
