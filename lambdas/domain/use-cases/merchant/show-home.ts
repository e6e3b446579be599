import { signedInAccount, type SignedInDeps } from '../shared/signed-in-account';

export interface Home {
  email: string;
  loginId: string;
  /** This login. */
  lastLoginAt: string | null;
  /** The one before, so a merchant can notice a login that was not theirs. */
  previousLoginAt: string | null;
  /** Signed in under the required policy without a second factor: the page leads to its set-up. */
  setupRequired: boolean;
}

/**
 * ホーム: what the signed-in home shows: who is signed in, and when they (or someone) last logged in.
 * 1. The session must stand for an active account (signedInAccount); one still to set up a second
 *    factor may see it too, to show who is signed in.
 * 2. The account's email and login ID are returned, with this login's time and the one before it.
 */
export async function showHome(sessionId: string | undefined, deps: SignedInDeps): Promise<Home> {
  const { session, account } = await signedInAccount(sessionId, deps, { duringSetup: true });
  return {
    email: account.email,
    loginId: account.loginId,
    lastLoginAt: account.lastLoginAt ?? null,
    previousLoginAt: account.previousLoginAt ?? null,
    setupRequired: session.setupRequired === true,
  };
}
