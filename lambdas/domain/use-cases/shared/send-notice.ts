import type { AuditLog, Email, Mailer } from '../../ports';

/** Notices are a courtesy: the change is done whether or not SES takes them, so a failure is only logged. */
export async function sendNotice(deps: { mailer: Mailer; audit: AuditLog }, email: Email, loginId: string): Promise<void> {
  await deps.mailer.send(email).catch(() =>
    deps.audit.record({ event: 'notice.not-sent', outcome: 'failure', loginId, email: email.to, reason: email.subject }),
  );
}
