import type { Clock } from '../../../lambdas/domain/ports';

/** A clock that stands still until the test moves it. */
export class FakeClock implements Clock {
  private current: number;

  constructor(start = '2025-04-01T09:00:00.000Z') {
    this.current = Date.parse(start);
  }

  now(): Date {
    return new Date(this.current);
  }

  iso(): string {
    return this.now().toISOString();
  }

  set(iso: string): void {
    this.current = Date.parse(iso);
  }

  advance(by: { days?: number; hours?: number; minutes?: number; seconds?: number; ms?: number }): void {
    this.current +=
      (by.days ?? 0) * 86_400_000 + (by.hours ?? 0) * 3_600_000 + (by.minutes ?? 0) * 60_000 + (by.seconds ?? 0) * 1_000 + (by.ms ?? 0);
  }
}
