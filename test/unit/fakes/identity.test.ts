import { EmailUnavailableError } from '../../../lambdas/domain/errors';
import { FakeIdentity } from './identity';

/** The fake must answer as CognitoIdentity does, Cognito's own refusals included. */
describe('FakeIdentity', () => {
  let identity: FakeIdentity;

  beforeEach(() => {
    identity = new FakeIdentity();
    identity.seed({ email: 'hanako@example.com', loginId: 'M20250401', password: 'Vt4!rW9q]Zm2' });
    identity.seed({ email: 'taro@example.com', loginId: 'M20250402', password: 'Kp8#Lm3$Qx7z' });
  });

  it('sets a password: the new one verifies, the old one no longer', async () => {
    // Act
    await identity.setPassword('hanako@example.com', 'Nh2[Bv7]Yo5t');

    // Assess
    expect(await identity.verifyPassword('hanako@example.com', 'Nh2[Bv7]Yo5t')).toBe('M20250401');
    expect(await identity.verifyPassword('hanako@example.com', 'Vt4!rW9q]Zm2')).toBeUndefined();
  });

  it("refuses to set an unknown user's password as Cognito does", async () => {
    await expect(identity.setPassword('nobody@example.com', 'Nh2[Bv7]Yo5t')).rejects.toMatchObject({ name: 'UserNotFoundException' });
  });

  it('moves the user to the new email with the same login ID and password', async () => {
    // Act
    await identity.changeEmail('hanako@example.com', 'hanako@example.net');

    // Assess
    expect(identity.userOf('hanako@example.net')).toEqual({ loginId: 'M20250401', password: 'Vt4!rW9q]Zm2' });
    expect(identity.userOf('hanako@example.com')).toBeUndefined();
    expect(await identity.verifyPassword('hanako@example.com', 'Vt4!rW9q]Zm2')).toBeUndefined();
  });

  it('refuses an email another user has with EmailUnavailableError, changing nothing', async () => {
    // Act
    const attempt = identity.changeEmail('hanako@example.com', 'taro@example.com');

    // Assess
    await expect(attempt).rejects.toBeInstanceOf(EmailUnavailableError);
    expect(identity.userOf('hanako@example.com')?.loginId).toBe('M20250401');
    expect(identity.userOf('taro@example.com')?.loginId).toBe('M20250402');
  });

  it('removes a user, whose email is then free; a missing user answers false', async () => {
    // Act
    const removed = await identity.removeUser('hanako@example.com');
    const again = await identity.removeUser('hanako@example.com');

    // Assess
    expect([removed, again]).toEqual([true, false]);
    expect(await identity.verifyPassword('hanako@example.com', 'Vt4!rW9q]Zm2')).toBeUndefined();
    await identity.register({ email: 'hanako@example.com', loginId: 'M20250409', password: 'Nh2[Bv7]Yo5t' });
    expect(identity.userOf('hanako@example.com')?.loginId).toBe('M20250409');
  });
});
