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

/**
 * How a call counts towards the idle time: an ordinary use moves it (at most once per slack,
 * below), a request to extend moves it now, a look at the time left does not move it.
 */
export type SessionActivity = 'use' | 'extend' | 'look';

/**
 * Writing lastSeenAt on every call would cost a write per page view; a minute's slack is
 * harmless. A short idle limit gets a tenth of itself, so its sessions are still moved.
 */
const touchEveryMs = (idleMinutes: number) => Math.min(60_000, idleMinutes * 6_000);

/** When the session ends unless it is used again: the idle end, or the absolute end if sooner. */
export function sessionEnd(session: Session, idleMinutes: number): { at: Date; by: 'idle' | 'absolute' } {
  const idleEnd = new Date(session.lastSeenAt).getTime() + idleMinutes * 60_000;
  const absoluteEnd = new Date(session.expiresAt).getTime();
  return idleEnd <= absoluteEnd ? { at: new Date(idleEnd), by: 'idle' } : { at: new Date(absoluteEnd), by: 'absolute' };
}

/** Why a stored session no longer stands at `now`: past its idle timeout or its absolute end. */
export function expiryOf(session: Session, now: Date, idleMinutes: number): 'idle' | 'absolute' | undefined {
  const end = sessionEnd(session, idleMinutes);
  return now >= end.at ? end.by : undefined;
}

/**
 * The session a cookie stands for, judged by the server's record alone: a deleted record, the
 * idle timeout or the absolute end each end it, whatever the browser still holds.
 * 1. No cookie, or no record under its hash: no session.
 * 2. At its end (sessionEnd: idle, counted from when it was last seen, or absolute), the record
 *    is deleted, the expiry audited, and there is no session.
 * 3. When it was last seen is moved on as the activity says (a use: at most once per slack);
 *    the session is returned as it now stands.
 */
export async function currentSession(
  sessionId: string | undefined,
  deps: CurrentSessionDeps,
  activity: SessionActivity = 'use',
): Promise<Session> {
  if (!sessionId) throw new SessionRequiredError('missing');
  const sessionIdHash = hashSessionId(sessionId);
  const session = await deps.sessions.get(sessionIdHash);
  if (!session) throw new SessionRequiredError('unknown');

  const now = deps.clock.now();
  const end = sessionEnd(session, deps.sessionIdleMinutes);
  if (now >= end.at) {
    await deps.sessions.delete(sessionIdHash);
    deps.audit.record({ event: 'session.expired', outcome: 'success', loginId: session.loginId, reason: end.by });
    throw new SessionRequiredError('expired');
  }
  const idleFor = now.getTime() - new Date(session.lastSeenAt).getTime();
  const moved = activity === 'extend' || (activity === 'use' && idleFor >= touchEveryMs(deps.sessionIdleMinutes));
  if (!moved) return session;
  await deps.sessions.touch(sessionIdHash, now.toISOString());
  return { ...session, lastSeenAt: now.toISOString() };
}
