import type { PendingRequest } from '../../../lambdas/domain/model';
import type { RequestStore } from '../../../lambdas/domain/ports';

/**
 * The requests table in memory, honouring `RequestsTable`'s conditions:
 * - a wrong passcode counts only while pending and under the maximum; a request that cannot
 *   take another guess answers undefined; reaching the maximum voids a pending request;
 * - a claim succeeds only on a pending request or on a completing one claimed before `staleBefore`;
 * - release returns a completing request to pending, and markUsed uses it up, only under the
 *   claim made at the given time.
 */
export class FakeRequestStore implements RequestStore {
  private readonly items = new Map<string, PendingRequest>();

  peek(tokenHash: string): PendingRequest | undefined {
    const item = this.items.get(tokenHash);
    return item && structuredClone(item);
  }

  all(): PendingRequest[] {
    return [...this.items.values()].map((item) => structuredClone(item));
  }

  async put(request: PendingRequest): Promise<void> {
    await Promise.resolve();
    this.items.set(request.tokenHash, structuredClone(request));
  }

  async get(tokenHash: string): Promise<PendingRequest | undefined> {
    await Promise.resolve();
    return this.peek(tokenHash);
  }

  async recordWrongPasscode(tokenHash: string, maxAttempts: number): Promise<number | undefined> {
    await Promise.resolve();
    const item = this.items.get(tokenHash);
    if (item?.status !== 'pending' || item.wrongPasscodes >= maxAttempts) return undefined;
    item.wrongPasscodes += 1;
    if (item.wrongPasscodes >= maxAttempts) item.status = 'voided';
    return item.wrongPasscodes;
  }

  async claim(tokenHash: string, at: string, staleBefore: string): Promise<boolean> {
    await Promise.resolve();
    const item = this.items.get(tokenHash);
    if (!item) return false;
    const stale = item.status === 'completing' && item.claimedAt !== undefined && item.claimedAt < staleBefore;
    if (item.status !== 'pending' && !stale) return false;
    item.status = 'completing';
    item.claimedAt = at;
    return true;
  }

  async release(tokenHash: string, claimedAt: string): Promise<void> {
    await Promise.resolve();
    const item = this.claimed(tokenHash, claimedAt);
    if (!item) return;
    item.status = 'pending';
    delete item.claimedAt;
  }

  async markUsed(tokenHash: string, claimedAt: string): Promise<void> {
    await Promise.resolve();
    const item = this.claimed(tokenHash, claimedAt);
    if (item) item.status = 'used';
  }

  /** The request while it is still completing under the claim made at `claimedAt`. */
  private claimed(tokenHash: string, claimedAt: string): PendingRequest | undefined {
    const item = this.items.get(tokenHash);
    return item?.status === 'completing' && item.claimedAt === claimedAt ? item : undefined;
  }
}
