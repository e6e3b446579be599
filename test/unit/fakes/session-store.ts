import type { Session } from '../../../lambdas/domain/model';
import type { SessionStore } from '../../../lambdas/domain/ports';

/**
 * The sessions table in memory; `touch` leaves a deleted session deleted and never moves the
 * last-seen time back, like the adapter.
 */
export class FakeSessionStore implements SessionStore {
  private readonly items = new Map<string, Session>();
  readonly touches: { sessionIdHash: string; at: string }[] = [];

  peek(sessionIdHash: string): Session | undefined {
    const item = this.items.get(sessionIdHash);
    return item && structuredClone(item);
  }

  all(): Session[] {
    return [...this.items.values()].map((item) => structuredClone(item));
  }

  async put(session: Session): Promise<void> {
    await Promise.resolve();
    this.items.set(session.sessionIdHash, structuredClone(session));
  }

  async get(sessionIdHash: string): Promise<Session | undefined> {
    await Promise.resolve();
    return this.peek(sessionIdHash);
  }

  async touch(sessionIdHash: string, at: string): Promise<void> {
    await Promise.resolve();
    this.touches.push({ sessionIdHash, at });
    const item = this.items.get(sessionIdHash);
    if (item && item.lastSeenAt < at) item.lastSeenAt = at;
  }

  async recordProof(sessionIdHash: string, at: string): Promise<void> {
    await Promise.resolve();
    const item = this.items.get(sessionIdHash);
    if (item) Object.assign(item, { provedAt: at, lastSeenAt: at });
  }

  async liftSetupRequired(sessionIdHash: string): Promise<void> {
    await Promise.resolve();
    delete this.items.get(sessionIdHash)?.setupRequired;
  }

  async delete(sessionIdHash: string): Promise<void> {
    await Promise.resolve();
    this.items.delete(sessionIdHash);
  }

  async listOf(loginId: string): Promise<Session[]> {
    await Promise.resolve();
    return this.all().filter((s) => s.loginId === loginId);
  }

  async deleteAllOf(loginId: string, keep?: string): Promise<number> {
    await Promise.resolve();
    const ended = [...this.items.values()].filter((s) => s.loginId === loginId && s.sessionIdHash !== keep);
    for (const session of ended) this.items.delete(session.sessionIdHash);
    return ended.length;
  }
}
