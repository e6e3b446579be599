import { SessionRequiredError } from '../../errors';
import type { Session } from '../../model';
import { sessionEnd, type SessionActivity } from '../shared/current-session';
import { signedInAccount, type SignedInDeps } from '../shared/signed-in-account';

/** What a signed-in page needs to warn before the session ends (seconds, so clocks need not agree). */
export interface SessionTime {
  /** The idle limit (SESSION_IDLE_MINUTES). */
  idleMinutes: number;
  /** Until the server ends the session, unless it is used (or extended) before. */
  secondsLeft: number;
  /** `absolute`: the session's absolute end comes first, and extending it cannot help. */
  endsBy: 'idle' | 'absolute';
}

/** What GET /api/session answers: a question, so being signed out is an answer, not an error. */
export type SessionState = { signedIn: false } | ({ signedIn: true } & SessionTime);

/**
 * The idle time the page sees (the session must stand for an active account, one still to set
 * up a factor too):
 * - showSessionTime looks without counting as a use, so a page checking its timer never keeps
 *   an idle session alive; without a session it answers `signedIn: false` (a first visit's
 *   question leaves no error in the browser's console);
 * - extendSession counts as a use now (「ログインを続ける」), and needs the session.
 */
export async function showSessionTime(sessionId: string | undefined, deps: SignedInDeps): Promise<SessionState> {
  try {
    return { signedIn: true, ...(await sessionTime(sessionId, deps, 'look')) };
  } catch (error) {
    if (error instanceof SessionRequiredError) return { signedIn: false };
    throw error;
  }
}
export const extendSession = (sessionId: string | undefined, deps: SignedInDeps) => sessionTime(sessionId, deps, 'extend');

async function sessionTime(sessionId: string | undefined, deps: SignedInDeps, activity: SessionActivity): Promise<SessionTime> {
  const { session } = await signedInAccount(sessionId, deps, { duringSetup: true, activity });
  return timeLeft(session, deps.sessionIdleMinutes, deps.clock.now());
}

function timeLeft(session: Session, idleMinutes: number, now: Date): SessionTime {
  const end = sessionEnd(session, idleMinutes);
  return { idleMinutes, secondsLeft: Math.floor((end.at.getTime() - now.getTime()) / 1000), endsBy: end.by };
}
