import { signedInAccount, type SignedInDeps } from '../shared/signed-in-account';

/**
 * ログイン中の端末 → 他の端末からすべてログアウト.
 * 1. The session must stand for an active account.
 * 2. Every other session of the account is deleted, the asking one kept; how many is audited and
 *    answered.
 */
export async function endOtherSessions(sessionId: string | undefined, deps: SignedInDeps): Promise<number> {
  const { session: mine, account } = await signedInAccount(sessionId, deps);
  const sessionsEnded = await deps.sessions.deleteAllOf(account.loginId, mine.sessionIdHash);
  deps.audit.record({
    event: 'session.ended',
    outcome: 'success',
    loginId: account.loginId,
    email: account.email,
    which: 'others',
    reason: 'ended by the merchant',
    sessionsEnded,
  });
  return sessionsEnded;
}
