import type { LockoutRule, RateRule } from '../../../lambdas/domain/limits';
import type { LimitStore } from '../../../lambdas/domain/ports';

interface Counter {
  failures: number;
  lockedUntil?: Date;
  windowStart?: Date;
  uses: number;
}

/**
 * In memory, with the same rules as `LimitsTable`: the threshold-th failure locks and restarts the
 * count, and a failure while locked is not counted; a lock ends at its end exactly; a window is fixed from its first use and the first use
 * after it opens the next; clearing forgets the key, lock included.
 */
export class FakeLimitStore implements LimitStore {
  private readonly counters = new Map<string, Counter>();

  private counter(key: string): Counter {
    let counter = this.counters.get(key);
    if (!counter) this.counters.set(key, (counter = { failures: 0, uses: 0 }));
    return counter;
  }

  async lockedUntil(key: string, at: Date): Promise<Date | undefined> {
    await Promise.resolve();
    const until = this.counters.get(key)?.lockedUntil;
    return until && until > at ? until : undefined;
  }

  async recordFailure(key: string, rule: LockoutRule, at: Date): Promise<boolean> {
    await Promise.resolve();
    const counter = this.counter(key);
    if (counter.lockedUntil && counter.lockedUntil > at) return false;
    counter.failures += 1;
    if (counter.failures < rule.threshold) return false;
    counter.failures = 0;
    counter.lockedUntil = new Date(at.getTime() + rule.lockMinutes * 60_000);
    return true;
  }

  async clearFailures(key: string): Promise<void> {
    await Promise.resolve();
    this.counters.delete(key);
  }

  async take(key: string, rule: RateRule, at: Date): Promise<boolean> {
    await Promise.resolve();
    const counter = this.counter(key);
    const windowOpen = counter.windowStart && at.getTime() - counter.windowStart.getTime() < rule.windowMinutes * 60_000;
    if (!windowOpen) {
      counter.windowStart = at;
      counter.uses = 1;
      return true;
    }
    if (counter.uses >= rule.limit) return false;
    counter.uses += 1;
    return true;
  }

  peek(key: string): Readonly<Counter> | undefined {
    return this.counters.get(key);
  }
}
