import { AuditLogger, maskEmail, type StructuredLogger } from '../../../lambdas/adapters/audit-logger';

class RecordingLogger implements StructuredLogger {
  readonly lines: { message: string; extra: Record<string, unknown>[] }[] = [];

  info(message: string, ...extra: Record<string, unknown>[]): void {
    this.lines.push({ message, extra });
  }
}

describe('AuditLogger', () => {
  it('writes one line per event, marked audit: true, with the event details', () => {
    // Prepare
    const logger = new RecordingLogger();
    const audit = new AuditLogger(logger);

    // Act
    audit.record({ event: 'login', outcome: 'failure', loginId: 'M20250401', reason: 'wrong email or password' });

    // Assess
    expect(logger.lines).toEqual([
      {
        message: 'login',
        extra: [{ audit: true, event: 'login', outcome: 'failure', loginId: 'M20250401', reason: 'wrong email or password' }],
      },
    ]);
  });

  it('masks the email, and the plain address appears nowhere in the line', () => {
    // Prepare
    const logger = new RecordingLogger();
    const audit = new AuditLogger(logger);

    // Act
    audit.record({ event: 'registration.requested', outcome: 'success', loginId: 'M20250401', email: 'taro.yamada@example.com' });

    // Assess
    expect(logger.lines[0].extra[0]).toMatchObject({ email: 't***@example.com', audit: true });
    expect(JSON.stringify(logger.lines)).not.toContain('taro.yamada');
  });

  it('writes no email key when the event has none', () => {
    // Prepare
    const logger = new RecordingLogger();

    // Act
    new AuditLogger(logger).record({ event: 'logout', outcome: 'success', loginId: 'M20250401' });

    // Assess
    expect(logger.lines[0].extra[0]).not.toHaveProperty('email');
  });

  describe('maskEmail', () => {
    it.each([
      ['test@example.com', 't***@example.com'],
      ['taro.yamada@example.com', 't***@example.com'],
      ['a@example.jp', 'a***@example.jp'],
      ['odd"name@x@example.com', 'o***@example.com'],
      ['not-an-email', '***'],
      ['@example.com', '***'],
    ])('masks %s as %s', (email, masked) => {
      expect(maskEmail(email)).toBe(masked);
    });
  });
});
