import type { AuditLog, Email, Mailer } from '../../ports';

/**
 * A notice mail to the merchant after a change (password changed, email changed).
 * Notices are a courtesy: the change is done whether or not SES takes them, so a failure is only
 * logged.
 * 1. The mail is sent.
 * 2. If it is not taken, a `notice.not-sent` line is audited with its subject; nothing is thrown.
 */
export async function sendNotice(deps: { mailer: Mailer; audit: AuditLog }, email: Email, loginId: string): Promise<void> {
  await deps.mailer
    .send(email)
    .catch(() => deps.audit.record({ event: 'notice.not-sent', outcome: 'failure', loginId, email: email.to, reason: email.subject }));
}
