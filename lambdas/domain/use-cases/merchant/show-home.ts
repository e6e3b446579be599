import { signedInAccount, type SignedInDeps } from '../shared/signed-in-account';

export interface Home {
  email: string;
  loginId: string;
  /** This login. */
  lastLoginAt: string | null;
  /** The one before, so a merchant can notice a login that was not theirs. */
  previousLoginAt: string | null;
}

/**
 * ホーム: what the signed-in home shows: who is signed in, and when they (or someone) last logged in.
 * 1. The session must stand for an active account (signedInAccount).
 * 2. The account's email and login ID are returned, with this login's time and the one before it.
 */
export async function showHome(sessionId: string | undefined, deps: SignedInDeps): Promise<Home> {
  const { account } = await signedInAccount(sessionId, deps);
  return {
    email: account.email,
    loginId: account.loginId,
    lastLoginAt: account.lastLoginAt ?? null,
    previousLoginAt: account.previousLoginAt ?? null,
  };
}
