import type { Client } from '../../../lambdas/domain/model';
import { logIn, type LogInDeps } from '../../../lambdas/domain/use-cases/merchant/log-in';
import { CLIENT } from './world';

/** The session id of a password login that opens a session right away (no second factor). */
export async function signedInSession(
  credentials: { loginId: string; password: string },
  deps: LogInDeps,
  client: Client = CLIENT,
): Promise<string> {
  const outcome = await logIn(credentials, client, deps);
  if (outcome.next !== 'signed-in') throw new Error(`the login asked for ${outcome.next}`);
  return outcome.sessionId;
}
