import { AccountExistsError } from '../../../lambdas/domain/errors';
import type { IssuedInitialPassword, LetterAddress } from '../../../lambdas/domain/model';
import { PENDING_TOKEN_ATTRIBUTE, type Account, type RequestKind } from '../../../lambdas/domain/model';
import type { AccountStore, InactivityRead, PasswordChange } from '../../../lambdas/domain/ports';

/**
 * The accounts table in memory, with the same conditions as `AccountsTable`: replacing the
 * pending request only while invited, completing only while invited with that very request, a
 * new password only while the history's newest entry is still the one read.
 * Items are copied in and out, as a database would, so a caller cannot change stored state by
 * mutating what it got back.
 */
export class FakeAccountStore implements AccountStore {
  private readonly items = new Map<string, Account>();
  private readonly completionFailures: Error[] = [];
  private readonly resetFailures: Error[] = [];

  /** The next `completeRegistration` call throws this error, as a DynamoDB fault would. */
  failNextCompletion(error: Error = new Error('InternalServerError')): void {
    this.completionFailures.push(error);
  }

  /** The next `resetRegistration` call throws this error, as a DynamoDB fault would. */
  failNextReset(error: Error = new Error('InternalServerError')): void {
    this.resetFailures.push(error);
  }

  /** Puts an account in place, as ops provisioning would. */
  seed(account: Account): void {
    this.items.set(account.loginId, structuredClone(account));
  }

  /** The stored item, for assertions. */
  peek(loginId: string): Account | undefined {
    const item = this.items.get(loginId);
    return item && structuredClone(item);
  }

  all(): Account[] {
    return [...this.items.values()].map((item) => structuredClone(item));
  }

  async get(loginId: string): Promise<Account | undefined> {
    await Promise.resolve();
    return this.peek(loginId);
  }

  async findByEmail(email: string): Promise<Account | undefined> {
    await Promise.resolve();
    const item = [...this.items.values()].find((a) => a.email === email);
    return item && structuredClone(item);
  }

  async create(account: Account): Promise<void> {
    await Promise.resolve();
    if (this.items.has(account.loginId)) throw new AccountExistsError(account.loginId);
    this.items.set(account.loginId, structuredClone(account));
  }

  async replacePendingRequest(loginId: string, kind: RequestKind, tokenHash: string): Promise<boolean> {
    await Promise.resolve();
    const item = this.items.get(loginId);
    if (!item || item.disabled || item.status !== (kind === 'registration' ? 'invited' : 'registered')) return false;
    item[PENDING_TOKEN_ATTRIBUTE[kind]] = tokenHash;
    return true;
  }

  async changePassword(loginId: string, { from, to, redeemed }: PasswordChange): Promise<boolean> {
    await Promise.resolve();
    const item = this.items.get(loginId);
    if (!item || item.disabled || item.status !== 'registered' || item.passwordHistory[0] !== from[0]) return false;
    if (redeemed && item.pendingResetTokenHash !== redeemed.tokenHash) return false;
    item.passwordHistory = [...to];
    return true;
  }

  async changeEmail(loginId: string, tokenHash: string, email: string): Promise<boolean> {
    await Promise.resolve();
    const item = this.items.get(loginId);
    if (!item || item.disabled || item.status !== 'registered' || item.pendingEmailChangeTokenHash !== tokenHash) return false;
    item.email = email;
    delete item.pendingEmailChangeTokenHash;
    return true;
  }

  async setLetterAddress(loginId: string, letter: LetterAddress): Promise<boolean> {
    await Promise.resolve();
    const item = this.items.get(loginId);
    if (!item) return false;
    item.letter = { ...letter };
    return true;
  }

  async setDisabled(loginId: string, disabled: NonNullable<Account['disabled']>): Promise<boolean> {
    await Promise.resolve();
    const item = this.items.get(loginId);
    if (!item || item.disabled) return false;
    item.disabled = { ...disabled };
    return true;
  }

  async enable(loginId: string, at: string): Promise<boolean> {
    await Promise.resolve();
    const item = this.items.get(loginId);
    if (!item?.disabled) return false;
    delete item.disabled;
    delete item.inactivityWarnedAt;
    item.enabledAt = at;
    return true;
  }

  async completeRegistration(
    loginId: string,
    tokenHash: string,
    changes: { email: string; passwordHistory: string[]; registeredAt: string },
  ): Promise<boolean> {
    await Promise.resolve();
    const failure = this.completionFailures.shift();
    if (failure) throw failure;
    const item = this.items.get(loginId);
    if (!item || item.disabled || item.status !== 'invited' || item.pendingTokenHash !== tokenHash) return false;
    item.status = 'registered';
    item.email = changes.email;
    item.passwordHistory = [...changes.passwordHistory];
    item.registeredAt = changes.registeredAt;
    delete item.pendingTokenHash;
    delete item.initialPasswordHash;
    delete item.initialPasswordExpiresAt;
    return true;
  }

  async reissueInitialPassword(loginId: string, issued: IssuedInitialPassword): Promise<boolean> {
    await Promise.resolve();
    const item = this.items.get(loginId);
    if (item?.status !== 'invited') return false;
    Object.assign(item, structuredClone(issued));
    delete item.pendingTokenHash;
    return true;
  }

  async resetRegistration(
    loginId: string,
    email: string,
    changes: IssuedInitialPassword & { passwordHistory: string[] },
  ): Promise<boolean> {
    await Promise.resolve();
    const failure = this.resetFailures.shift();
    if (failure) throw failure;
    const item = this.items.get(loginId);
    if (item?.status !== 'registered' || item.email !== email) return false;
    item.status = 'invited';
    Object.assign(item, structuredClone(changes));
    for (const attribute of [
      'email',
      'registeredAt',
      'pendingTokenHash',
      'pendingResetTokenHash',
      'pendingEmailChangeTokenHash',
      'knownDevices',
    ] as const) {
      delete item[attribute];
    }
    return true;
  }

  async pendingLetters(): Promise<Account[]> {
    await Promise.resolve();
    return this.all().filter((account) => account.pendingLetter);
  }

  async takeLetter(loginId: string, issuedAt: string): Promise<boolean> {
    await Promise.resolve();
    const item = this.items.get(loginId);
    if (!item || item.pendingLetter?.issuedAt !== issuedAt) return false;
    delete item.pendingLetter;
    return true;
  }

  async recordLogin(loginId: string, at: string, knownDevices: string[]): Promise<void> {
    await Promise.resolve();
    const item = this.items.get(loginId);
    if (!item) return;
    if (item.lastLoginAt) item.previousLoginAt = item.lastLoginAt;
    item.lastLoginAt = at;
    item.knownDevices = [...knownDevices];
    delete item.inactivityWarnedAt;
  }

  /** Pages of `pageSize`, as a scan would hand them out. */
  pageSize = 2;

  async *registeredAccounts(): AsyncIterable<Account[]> {
    const registered = this.all().filter((account) => account.status === 'registered');
    for (let start = 0; start < registered.length; start += this.pageSize) {
      await Promise.resolve();
      yield registered.slice(start, start + this.pageSize);
    }
  }

  async recordInactivityWarning(loginId: string, at: string, read: InactivityRead): Promise<boolean> {
    await Promise.resolve();
    const item = this.items.get(loginId);
    if (item?.status !== 'registered' || item.disabled) return false;
    if ((['lastLoginAt', 'enabledAt', 'inactivityWarnedAt'] as const).some((field) => item[field] !== read[field])) return false;
    item.inactivityWarnedAt = at;
    return true;
  }

  async withdrawInactivityWarning(loginId: string, at: string): Promise<void> {
    await Promise.resolve();
    const item = this.items.get(loginId);
    if (item?.inactivityWarnedAt === at) delete item.inactivityWarnedAt;
  }

  async disableInactive(loginId: string, disabled: NonNullable<Account['disabled']>, warnedAt: string): Promise<boolean> {
    await Promise.resolve();
    const item = this.items.get(loginId);
    if (item?.status !== 'registered' || item.disabled || item.inactivityWarnedAt !== warnedAt) return false;
    item.disabled = { ...disabled };
    return true;
  }
}
