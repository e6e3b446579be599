import { SessionNotFoundError } from '../../errors';
import { expiryOf } from '../shared/current-session';
import { signedInAccount, type SignedInDeps } from '../shared/signed-in-account';

/**
 * ログイン中の端末 → ログアウトさせる: ends one other session of the merchant, at once.
 * 1. The session must stand for an active account.
 * 2. The key must name a live session of this account other than the asking one (that one ends
 *    with ログアウト); another account's, an ended or an unknown one get one answer.
 * 3. The session is deleted by its hash: its browser is signed out at its next request. Audited.
 */
export async function endSession(sessionId: string | undefined, input: { key: string }, deps: SignedInDeps): Promise<void> {
  const { session: mine, account } = await signedInAccount(sessionId, deps);
  const { loginId, email } = account;
  const now = deps.clock.now();
  const target = (await deps.sessions.listOf(loginId)).find(
    (s) => s.sessionKey === input.key && s.sessionIdHash !== mine.sessionIdHash && !expiryOf(s, now, deps.sessionIdleMinutes),
  );
  if (!target) {
    deps.audit.record({ event: 'session.ended', outcome: 'failure', loginId, email, which: 'one', reason: 'not a live other session' });
    throw new SessionNotFoundError();
  }
  await deps.sessions.delete(target.sessionIdHash);
  deps.audit.record({
    event: 'session.ended',
    outcome: 'success',
    loginId,
    email,
    which: 'one',
    reason: 'ended by the merchant',
    sessionsEnded: 1,
  });
}
