import { SessionRequiredError } from '../errors';
import type { AccountStore } from '../ports';
import { currentSession, type CurrentSessionDeps } from './current-session';

export interface Home {
  email: string;
  loginId: string;
  lastLoginAt: string | null;
  previousLoginAt: string | null;
}

/** What the signed-in home shows: who is signed in, and when they (or someone) last logged in. */
export async function showHome(sessionId: string | undefined, deps: CurrentSessionDeps & { accounts: AccountStore }): Promise<Home> {
  const session = await currentSession(sessionId, deps);
  const account = await deps.accounts.get(session.loginId);
  if (!account || account.status !== 'registered') throw new SessionRequiredError('unknown');
  return {
    email: session.email,
    loginId: account.loginId,
    lastLoginAt: account.lastLoginAt ?? null,
    previousLoginAt: account.previousLoginAt ?? null,
  };
}
