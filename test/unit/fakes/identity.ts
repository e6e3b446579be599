import { EmailUnavailableError } from '../../../lambdas/domain/errors';
import type { Identity } from '../../../lambdas/domain/ports';

function cognitoError(name: string, message: string): Error {
  return Object.assign(new Error(message), { name });
}

/**
 * The user directory in memory, with `CognitoIdentity`'s rules: registering an email again for
 * the same login ID sets the password (an interrupted attempt), for another login ID refuses, and
 * so does changing the email to another user's. Cognito refusals the adapter lets through come as
 * errors of Cognito's names.
 */
export class FakeIdentity implements Identity {
  private readonly users = new Map<string, { loginId: string; password: string }>();
  private readonly failures: Error[] = [];
  private readonly removeFailures: Error[] = [];

  /** The next `register` calls throw these errors, one each. */
  failNextRegister(error: Error = new Error('user directory unavailable')): void {
    this.failures.push(error);
  }

  /** The next `removeUser` calls throw these errors, one each. */
  failNextRemove(error: Error = new Error('user directory unavailable')): void {
    this.removeFailures.push(error);
  }

  /** A user as if registered earlier. */
  seed(user: { email: string; loginId: string; password: string }): void {
    this.users.set(user.email, { loginId: user.loginId, password: user.password });
  }

  userOf(email: string): { loginId: string; password: string } | undefined {
    const user = this.users.get(email);
    return user && { ...user };
  }

  get size(): number {
    return this.users.size;
  }

  async register(user: { email: string; loginId: string; password: string }): Promise<void> {
    await Promise.resolve();
    const failure = this.failures.shift();
    if (failure) throw failure;
    const existing = this.users.get(user.email);
    if (existing && existing.loginId !== user.loginId) throw new EmailUnavailableError();
    this.users.set(user.email, { loginId: user.loginId, password: user.password });
  }

  async verifyPassword(email: string, password: string): Promise<string | undefined> {
    await Promise.resolve();
    const user = this.users.get(email);
    return user && user.password === password ? user.loginId : undefined;
  }

  async setPassword(email: string, password: string): Promise<void> {
    await Promise.resolve();
    const user = this.users.get(email);
    if (!user) throw cognitoError('UserNotFoundException', 'User does not exist.');
    user.password = password;
  }

  async changeEmail(email: string, newEmail: string): Promise<void> {
    await Promise.resolve();
    const user = this.users.get(email);
    if (!user) throw cognitoError('UserNotFoundException', 'User does not exist.');
    if (this.users.has(newEmail)) throw new EmailUnavailableError();
    this.users.delete(email);
    this.users.set(newEmail, user);
  }

  async removeUser(email: string): Promise<boolean> {
    await Promise.resolve();
    const failure = this.removeFailures.shift();
    if (failure) throw failure;
    return this.users.delete(email);
  }
}
