import type { AuthenticatorRecord, FactorRecord, RecoveryCodesRecord } from '../../../lambdas/domain/model';
import type { CodeFactorStore } from '../../../lambdas/domain/ports';
import { FakePasskeyStore } from './passkey-store';

/**
 * The factors table in memory with the authenticator's and recovery codes' own writes; each
 * checks and writes within one turn, so of parallel callers exactly one passes, like the adapter.
 */
export class FakeCodeFactorStore extends FakePasskeyStore implements CodeFactorStore {
  private record<T extends FactorRecord>(key: string): T | undefined {
    return this.items.get(key) as T | undefined;
  }

  async authenticatorOf(loginId: string): Promise<AuthenticatorRecord | undefined> {
    await Promise.resolve();
    const item = this.record<AuthenticatorRecord>(`${loginId}#authenticator`);
    return item && structuredClone(item);
  }

  async putPendingAuthenticator(record: AuthenticatorRecord): Promise<boolean> {
    await Promise.resolve();
    if (this.record<AuthenticatorRecord>(`${record.loginId}#authenticator`)?.confirmedAt) return false;
    this.items.set(`${record.loginId}#authenticator`, structuredClone(record));
    return true;
  }

  async confirmAuthenticator(loginId: string, sealedSecret: string, step: number, at: string): Promise<boolean> {
    await Promise.resolve();
    const item = this.record<AuthenticatorRecord>(`${loginId}#authenticator`);
    if (!item || item.sealedSecret !== sealedSecret || item.confirmedAt) return false;
    Object.assign(item, { confirmedAt: at, addedAt: at, lastUsedStep: step });
    return true;
  }

  async takeAuthenticatorStep(loginId: string, step: number, at: string): Promise<boolean> {
    await Promise.resolve();
    const item = this.record<AuthenticatorRecord>(`${loginId}#authenticator`);
    if (!item?.confirmedAt || (item.lastUsedStep !== undefined && item.lastUsedStep >= step)) return false;
    Object.assign(item, { lastUsedStep: step, lastUsedAt: at });
    return true;
  }

  async removeAuthenticator(loginId: string): Promise<boolean> {
    await Promise.resolve();
    return this.items.delete(`${loginId}#authenticator`);
  }

  async recoveryCodesOf(loginId: string): Promise<RecoveryCodesRecord | undefined> {
    await Promise.resolve();
    const item = this.record<RecoveryCodesRecord>(`${loginId}#recovery-codes`);
    return item && structuredClone(item);
  }

  async putRecoveryCodes(record: RecoveryCodesRecord): Promise<void> {
    await Promise.resolve();
    this.items.set(`${record.loginId}#recovery-codes`, structuredClone(record));
  }

  async takeRecoveryCode(loginId: string, codeHash: string, at: string): Promise<number | undefined> {
    await Promise.resolve();
    const item = this.record<RecoveryCodesRecord>(`${loginId}#recovery-codes`);
    if (!item?.codeHashes.includes(codeHash)) return undefined;
    Object.assign(item, { codeHashes: item.codeHashes.filter((h) => h !== codeHash), lastUsedAt: at });
    return item.codeHashes.length;
  }

  async removeRecoveryCodes(loginId: string): Promise<void> {
    await Promise.resolve();
    this.items.delete(`${loginId}#recovery-codes`);
  }
}
