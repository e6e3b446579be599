import { SessionRequiredError } from '../../errors';
import type { Session } from '../../model';
import type { AuditLog, Clock, SessionStore } from '../../ports';
import { hashSessionId } from '../../session-id';

export interface CurrentSessionDeps {
  sessions: SessionStore;
  audit: AuditLog;
  clock: Clock;
  sessionIdleMinutes: number;
}

/** Writing lastSeenAt on every call would cost a write per page view; a minute's slack is harmless. */
const TOUCH_EVERY_MS = 60_000;

/** Why a stored session no longer stands at `now`: past its idle timeout or its absolute end. */
export function expiryOf(session: Session, now: Date, idleMinutes: number): 'idle' | 'absolute' | undefined {
  const idleEnd = new Date(session.lastSeenAt).getTime() + idleMinutes * 60_000;
  return now.getTime() >= idleEnd ? 'idle' : now.toISOString() >= session.expiresAt ? 'absolute' : undefined;
}

/**
 * The session a cookie stands for, judged by the server's record alone: a deleted record, the
 * idle timeout or the absolute end each end it, whatever the browser still holds.
 * 1. No cookie, or no record under its hash: no session.
 * 2. Past the idle timeout (counted from when it was last seen) or its absolute end, the record
 *    is deleted, the expiry audited, and there is no session.
 * 3. When it was last seen is moved on, at most once a minute; the session is returned.
 */
export async function currentSession(sessionId: string | undefined, deps: CurrentSessionDeps): Promise<Session> {
  if (!sessionId) throw new SessionRequiredError('missing');
  const sessionIdHash = hashSessionId(sessionId);
  const session = await deps.sessions.get(sessionIdHash);
  if (!session) throw new SessionRequiredError('unknown');

  const now = deps.clock.now();
  const expired = expiryOf(session, now, deps.sessionIdleMinutes);
  if (expired) {
    await deps.sessions.delete(sessionIdHash);
    deps.audit.record({ event: 'session.expired', outcome: 'success', loginId: session.loginId, reason: expired });
    throw new SessionRequiredError('expired');
  }
  if (now.getTime() - new Date(session.lastSeenAt).getTime() >= TOUCH_EVERY_MS) {
    await deps.sessions.touch(sessionIdHash, now.toISOString());
  }
  return session;
}
