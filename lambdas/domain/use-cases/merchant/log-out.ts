import type { AuditLog, SessionStore } from '../../ports';
import { hashSessionId } from '../../session-id';

/**
 * ログアウト: the server forgets the session, so the cookie is worthless even if kept.
 * 1. Without a session cookie there is nothing to do.
 * 2. The session is read (only to name its account in the audit line), then deleted by its hash.
 * 3. The logout is audited, a session already gone included.
 */
export async function logOut(sessionId: string | undefined, deps: { sessions: SessionStore; audit: AuditLog }) {
  if (!sessionId) return;
  const sessionIdHash = hashSessionId(sessionId);
  const session = await deps.sessions.get(sessionIdHash);
  await deps.sessions.delete(sessionIdHash);
  deps.audit.record({ event: 'logout', outcome: 'success', loginId: session?.loginId });
}
