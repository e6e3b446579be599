import { logIn, type LogInDeps } from '../../../lambdas/domain/use-cases/merchant/log-in';

/** The session id of a password login that opens a session right away (no second factor). */
export async function signedInSession(credentials: { loginId: string; password: string }, deps: LogInDeps): Promise<string> {
  const outcome = await logIn(credentials, deps);
  if (outcome.next !== 'signed-in') throw new Error(`the login asked for ${outcome.next}`);
  return outcome.sessionId;
}
