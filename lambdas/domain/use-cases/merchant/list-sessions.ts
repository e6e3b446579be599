import { approximateIp } from '../../approximate-ip';
import type { Session } from '../../model';
import { browserAndOs } from '../../user-agent';
import { expiryOf } from '../shared/current-session';
import { signedInAccount, type SignedInDeps } from '../shared/signed-in-account';

/** One session as ログイン中の端末 lists it: named by its public key, never by its id or hash. */
export interface ListedSession {
  key: string;
  browser: string;
  os: string;
  /** Approximate (approximate-ip.ts). */
  ip: string;
  signedInAt: string;
  lastSeenAt: string;
  /** The session of the browser asking. */
  current: boolean;
}

/**
 * ログイン中の端末: every live session of the account.
 * 1. The session must stand for an active account.
 * 2. The account's sessions are read (the index may lag a moment behind a new one, so the asking
 *    session is put in from its own record); expired ones are left out.
 * 3. Each is shown with the browser and OS its user agent names, the approximate IP, when it
 *    signed in and was last active (the asking one: now); the asking one is marked, first, then
 *    the rest by last activity, newest first.
 */
export async function listSessions(sessionId: string | undefined, deps: SignedInDeps): Promise<ListedSession[]> {
  const { session: mine, account } = await signedInAccount(sessionId, deps);
  const now = deps.clock.now();
  const others = (await deps.sessions.listOf(account.loginId)).filter(
    (s) => s.sessionIdHash !== mine.sessionIdHash && !expiryOf(s, now, deps.sessionIdleMinutes),
  );
  others.sort((a, b) => b.lastSeenAt.localeCompare(a.lastSeenAt));
  return [listed({ ...mine, lastSeenAt: now.toISOString() }, true), ...others.map((s) => listed(s, false))];
}

function listed(session: Session, current: boolean): ListedSession {
  return {
    key: session.sessionKey,
    ...browserAndOs(session.userAgent),
    ip: approximateIp(session.sourceIp),
    signedInAt: session.createdAt,
    lastSeenAt: session.lastSeenAt,
    current,
  };
}
