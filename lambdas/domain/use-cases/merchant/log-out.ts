import type { AuditLog, SessionStore } from '../../ports';
import { hashSessionId } from '../../session-id';

/** ログアウト: the server forgets the session, so the cookie is worthless even if kept. */
export async function logOut(sessionId: string | undefined, deps: { sessions: SessionStore; audit: AuditLog }) {
  if (!sessionId) return;
  const sessionIdHash = hashSessionId(sessionId);
  const session = await deps.sessions.get(sessionIdHash);
  await deps.sessions.delete(sessionIdHash);
  deps.audit.record({ event: 'logout', outcome: 'success', loginId: session?.loginId });
}
