import type { AuditEvent, AuditLog } from '../../../lambdas/domain/ports';

/** Keeps every audit event, in order. */
export class FakeAudit implements AuditLog {
  readonly events: AuditEvent[] = [];

  record(event: AuditEvent): void {
    this.events.push({ ...event });
  }

  named(name: string): AuditEvent[] {
    return this.events.filter((e) => e.event === name);
  }

  last(): AuditEvent | undefined {
    return this.events[this.events.length - 1];
  }
}
