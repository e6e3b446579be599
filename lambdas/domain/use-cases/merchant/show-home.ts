import { signedInAccount, type SignedInDeps } from '../shared/signed-in-account';

export interface Home {
  email: string;
  loginId: string;
  /** This login. */
  lastLoginAt: string | null;
  /** The one before, so a merchant can notice a login that was not theirs. */
  previousLoginAt: string | null;
}

/** What the signed-in home shows: who is signed in, and when they (or someone) last logged in. */
export async function showHome(sessionId: string | undefined, deps: SignedInDeps): Promise<Home> {
  const { account } = await signedInAccount(sessionId, deps);
  return {
    email: account.email,
    loginId: account.loginId,
    lastLoginAt: account.lastLoginAt ?? null,
    previousLoginAt: account.previousLoginAt ?? null,
  };
}
