import type { PasskeyRecord } from '../../../lambdas/domain/model';
import type { PasskeyStore } from '../../../lambdas/domain/ports';
import { FakeFactorStore } from './factor-store';

const key = (credentialId: string) => `passkey#${credentialId}`;

/** The passkeys' items of the factors table in memory: the same items FactorStore lists. */
export class FakePasskeyStore extends FakeFactorStore implements PasskeyStore {
  private readonly handles = new Map<string, string>();

  async userHandle(loginId: string, proposed: string): Promise<string> {
    await Promise.resolve();
    if (!this.handles.has(loginId)) this.handles.set(loginId, proposed);
    return this.handles.get(loginId)!;
  }

  async storedUserHandle(loginId: string): Promise<string | undefined> {
    await Promise.resolve();
    return this.handles.get(loginId);
  }

  async addPasskey(passkey: PasskeyRecord): Promise<boolean> {
    await Promise.resolve();
    if (this.items.has(key(passkey.credentialId))) return false;
    this.items.set(key(passkey.credentialId), structuredClone(passkey));
    return true;
  }

  async getPasskey(credentialId: string): Promise<PasskeyRecord | undefined> {
    await Promise.resolve();
    const item = this.items.get(key(credentialId));
    return item?.kind === 'passkey' ? (structuredClone(item) as PasskeyRecord) : undefined;
  }

  async passkeysOf(loginId: string): Promise<PasskeyRecord[]> {
    return (await this.listOf(loginId)).filter((r): r is PasskeyRecord => r.kind === 'passkey');
  }

  async recordPasskeyUse(
    credentialId: string,
    use: Pick<PasskeyRecord, 'counter' | 'deviceType' | 'backedUp' | 'lastUsedAt'>,
  ): Promise<void> {
    await Promise.resolve();
    const item = this.items.get(key(credentialId));
    if (item) this.items.set(key(credentialId), { ...item, ...use });
  }

  async renamePasskey(credentialId: string, loginId: string, name: string): Promise<boolean> {
    await Promise.resolve();
    const item = this.items.get(key(credentialId));
    if (item?.loginId !== loginId) return false;
    this.items.set(key(credentialId), { ...item, name } as PasskeyRecord);
    return true;
  }

  async removePasskey(credentialId: string, loginId: string): Promise<boolean> {
    await Promise.resolve();
    if (this.items.get(key(credentialId))?.loginId !== loginId) return false;
    return this.items.delete(key(credentialId));
  }
}
