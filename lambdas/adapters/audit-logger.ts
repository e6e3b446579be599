import { maskEmail } from '../domain/mask-email';
import type { AuditEvent, AuditLog } from '../domain/ports';

export { maskEmail };

/** The part of a logger the audit trail needs; Powertools' Logger has it. */
export interface StructuredLogger {
  info(message: string, ...extra: Record<string, unknown>[]): void;
}

/**
 * Every audit event is one JSON line with `audit: true`, so a Logs Insights query can select the
 * trail with `filter audit = 1`. Request details (source IP, user agent, request id) are added
 * to the logger per request by the handler's middleware.
 */
export class AuditLogger implements AuditLog {
  constructor(private readonly logger: StructuredLogger) {}

  record({ email, ...event }: AuditEvent): void {
    this.logger.info(event.event, { audit: true, ...event, ...(email && { email: maskEmail(email) }) });
  }
}
