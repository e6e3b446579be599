import {
  AdminCreateUserCommand,
  AdminDeleteUserCommand,
  AdminUpdateUserAttributesCommand,
  AliasExistsException,
  AdminGetUserCommand,
  AdminInitiateAuthCommand,
  AdminSetUserPasswordCommand,
  CognitoIdentityProviderClient,
  InvalidPasswordException,
  NotAuthorizedException,
  TooManyRequestsException,
  UserNotFoundException,
  UsernameExistsException,
} from '@aws-sdk/client-cognito-identity-provider';
import { mockClient } from 'aws-sdk-client-mock';
import 'aws-sdk-client-mock-jest';
import { CognitoIdentity } from '../../../lambdas/adapters/cognito-identity';
import { EmailUnavailableError } from '../../../lambdas/domain/errors';

const POOL = 'ap-northeast-1_TestPool';
const CLIENT = 'test-client-id';
const cognito = mockClient(CognitoIdentityProviderClient);
const identity = new CognitoIdentity(new CognitoIdentityProviderClient({ region: 'ap-northeast-1' }), POOL, CLIENT);

const user = { email: 'hanako@example.com', loginId: 'M20250401', password: 'Vt4!rW9q]Zm2' };

/** An unsigned JWT with these claims: the adapter only reads the payload Cognito handed it. */
function idToken(claims: Record<string, unknown>): string {
  const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${part({ alg: 'RS256', kid: 'test' })}.${part(claims)}.signature`;
}

const metadata = { $metadata: {} };

describe('CognitoIdentity', () => {
  beforeEach(() => {
    cognito.reset();
  });

  describe('register', () => {
    it('creates the user under the email, without Cognito mail, then sets the password permanently', async () => {
      // Prepare
      cognito.on(AdminCreateUserCommand).resolves({});
      cognito.on(AdminSetUserPasswordCommand).resolves({});

      // Act
      await identity.register(user);

      // Assess
      expect(cognito).toHaveReceivedCommandWith(AdminCreateUserCommand, {
        UserPoolId: POOL,
        Username: 'hanako@example.com',
        MessageAction: 'SUPPRESS',
        UserAttributes: [
          { Name: 'email', Value: 'hanako@example.com' },
          { Name: 'email_verified', Value: 'true' },
          { Name: 'custom:loginId', Value: 'M20250401' },
        ],
      });
      expect(cognito).toHaveReceivedCommandWith(AdminSetUserPasswordCommand, {
        UserPoolId: POOL,
        Username: 'hanako@example.com',
        Password: 'Vt4!rW9q]Zm2',
        Permanent: true,
      });
    });

    it("finishes an interrupted attempt of the same merchant: the existing user's password is set", async () => {
      // Prepare
      cognito.on(AdminCreateUserCommand).rejects(new UsernameExistsException({ message: 'exists', ...metadata }));
      cognito.on(AdminGetUserCommand).resolves({ Username: 'x', UserAttributes: [{ Name: 'custom:loginId', Value: 'M20250401' }] });
      cognito.on(AdminSetUserPasswordCommand).resolves({});

      // Act
      await identity.register(user);

      // Assess
      expect(cognito).toHaveReceivedCommandWith(AdminGetUserCommand, { UserPoolId: POOL, Username: 'hanako@example.com' });
      expect(cognito).toHaveReceivedCommandWith(AdminSetUserPasswordCommand, { Username: 'hanako@example.com', Password: 'Vt4!rW9q]Zm2' });
    });

    it("refuses an email another merchant's user has, and leaves that user's password alone", async () => {
      // Prepare
      cognito.on(AdminCreateUserCommand).rejects(new UsernameExistsException({ message: 'exists', ...metadata }));
      cognito.on(AdminGetUserCommand).resolves({ Username: 'x', UserAttributes: [{ Name: 'custom:loginId', Value: 'M99999999' }] });

      // Act
      const attempt = identity.register(user);

      // Assess
      await expect(attempt).rejects.toBeInstanceOf(EmailUnavailableError);
      expect(cognito).not.toHaveReceivedCommand(AdminSetUserPasswordCommand);
    });

    it('lets any other Cognito error through without setting a password', async () => {
      // Prepare
      const throttled = new TooManyRequestsException({ message: 'slow down', ...metadata });
      cognito.on(AdminCreateUserCommand).rejects(throttled);

      // Act
      const attempt = identity.register(user);

      // Assess
      await expect(attempt).rejects.toBe(throttled);
      expect(cognito).not.toHaveReceivedCommand(AdminSetUserPasswordCommand);
    });
  });

  describe('verifyPassword', () => {
    it("answers the login ID from the ID token's custom:loginId claim", async () => {
      // Prepare
      cognito.on(AdminInitiateAuthCommand).resolves({
        AuthenticationResult: { IdToken: idToken({ email: 'hanako@example.com', 'custom:loginId': 'M20250401' }) },
      });

      // Act
      const loginId = await identity.verifyPassword('hanako@example.com', 'Vt4!rW9q]Zm2');

      // Assess
      expect(loginId).toBe('M20250401');
      expect(cognito).toHaveReceivedCommandWith(AdminInitiateAuthCommand, {
        UserPoolId: POOL,
        ClientId: CLIENT,
        AuthFlow: 'ADMIN_USER_PASSWORD_AUTH',
        AuthParameters: { USERNAME: 'hanako@example.com', PASSWORD: 'Vt4!rW9q]Zm2' },
      });
    });

    it.each([
      ['NotAuthorizedException', () => new NotAuthorizedException({ message: 'Incorrect username or password.', ...metadata })],
      ['UserNotFoundException', () => new UserNotFoundException({ message: 'User does not exist.', ...metadata })],
      ['InvalidPasswordException', () => new InvalidPasswordException({ message: 'bad password', ...metadata })],
    ])('answers undefined when Cognito says %s', async (_name, error) => {
      // Prepare
      cognito.on(AdminInitiateAuthCommand).rejects(error());

      // Act
      const loginId = await identity.verifyPassword('hanako@example.com', 'wrong');

      // Assess
      expect(loginId).toBeUndefined();
    });

    it('answers undefined when no ID token comes back (a challenge instead)', async () => {
      cognito.on(AdminInitiateAuthCommand).resolves({ ChallengeName: 'NEW_PASSWORD_REQUIRED', Session: 's' });
      expect(await identity.verifyPassword('hanako@example.com', 'Vt4!rW9q]Zm2')).toBeUndefined();
    });

    it('answers undefined when the token names no login ID', async () => {
      cognito.on(AdminInitiateAuthCommand).resolves({ AuthenticationResult: { IdToken: idToken({ email: 'hanako@example.com' }) } });
      expect(await identity.verifyPassword('hanako@example.com', 'Vt4!rW9q]Zm2')).toBeUndefined();
    });

    it('lets a Cognito fault through rather than calling it a wrong password', async () => {
      // Prepare
      const throttled = new TooManyRequestsException({ message: 'slow down', ...metadata });
      cognito.on(AdminInitiateAuthCommand).rejects(throttled);

      // Act
      const attempt = identity.verifyPassword('hanako@example.com', 'Vt4!rW9q]Zm2');

      // Assess
      await expect(attempt).rejects.toBe(throttled);
    });
  });

  describe('setPassword', () => {
    it("sets the user's password permanently, so no change is forced at the next login", async () => {
      // Prepare
      cognito.on(AdminSetUserPasswordCommand).resolves({});

      // Act
      await identity.setPassword('hanako@example.com', 'Nh2[Bv7]Yo5t');

      // Assess
      expect(cognito).toHaveReceivedCommandTimes(AdminSetUserPasswordCommand, 1);
      expect(cognito).toHaveReceivedCommandWith(AdminSetUserPasswordCommand, {
        UserPoolId: POOL,
        Username: 'hanako@example.com',
        Password: 'Nh2[Bv7]Yo5t',
        Permanent: true,
      });
    });

    it('lets Cognito refusals through', async () => {
      // Prepare
      const missing = new UserNotFoundException({ message: 'User does not exist.', ...metadata });
      cognito.on(AdminSetUserPasswordCommand).rejects(missing);

      // Act
      const attempt = identity.setPassword('nobody@example.com', 'Nh2[Bv7]Yo5t');

      // Assess
      await expect(attempt).rejects.toBe(missing);
    });
  });

  describe('changeEmail', () => {
    it('sets the new email as verified on the user found by the old one', async () => {
      // Prepare
      cognito.on(AdminUpdateUserAttributesCommand).resolves({});

      // Act
      await identity.changeEmail('hanako@example.com', 'hanako@example.net');

      // Assess
      expect(cognito).toHaveReceivedCommandTimes(AdminUpdateUserAttributesCommand, 1);
      expect(cognito).toHaveReceivedCommandWith(AdminUpdateUserAttributesCommand, {
        UserPoolId: POOL,
        Username: 'hanako@example.com',
        UserAttributes: [
          { Name: 'email', Value: 'hanako@example.net' },
          { Name: 'email_verified', Value: 'true' },
        ],
      });
    });

    it('lets a Cognito fault through', async () => {
      // Prepare
      const throttled = new TooManyRequestsException({ message: 'slow down', ...metadata });
      cognito.on(AdminUpdateUserAttributesCommand).rejects(throttled);

      // Act
      const attempt = identity.changeEmail('hanako@example.com', 'hanako@example.net');

      // Assess
      await expect(attempt).rejects.toBe(throttled);
    });

    it.each([
      ['AliasExistsException', () => new AliasExistsException({ message: 'An account with the given email already exists.', ...metadata })],
      ['UsernameExistsException', () => new UsernameExistsException({ message: 'exists', ...metadata })],
    ])("refuses an address another merchant's user has (%s) with EmailUnavailableError, as register does", async (_name, refusal) => {
      // Prepare
      cognito.on(AdminUpdateUserAttributesCommand).rejects(refusal());

      // Act
      const attempt = identity.changeEmail('hanako@example.com', 'taro@example.com');

      // Assess
      await expect(attempt).rejects.toBeInstanceOf(EmailUnavailableError);
    });
  });

  describe('removeUser', () => {
    it('deletes the user found by the email', async () => {
      // Prepare
      cognito.on(AdminDeleteUserCommand).resolves({});

      // Act
      const removed = await identity.removeUser('hanako@example.com');

      // Assess
      expect(removed).toBe(true);
      expect(cognito).toHaveReceivedCommandWith(AdminDeleteUserCommand, { UserPoolId: POOL, Username: 'hanako@example.com' });
    });

    it('answers false for a user already gone (a reset run again), so the caller can go on', async () => {
      cognito.on(AdminDeleteUserCommand).rejects(new UserNotFoundException({ message: 'User does not exist.', ...metadata }));
      expect(await identity.removeUser('hanako@example.com')).toBe(false);
    });

    it('lets a Cognito fault through', async () => {
      const throttled = new TooManyRequestsException({ message: 'slow down', ...metadata });
      cognito.on(AdminDeleteUserCommand).rejects(throttled);
      await expect(identity.removeUser('hanako@example.com')).rejects.toBe(throttled);
    });
  });
});
