/**
 * Whether this browser is signed in. GET /api/session only looks (it does not count as a use), so
 * asking keeps no idle session alive; signed out, it answers 200 `{ signedIn: false }`.
 */
import type { SessionState } from '../../../lambdas/domain/use-cases/merchant/session-time';
import { getJson } from './api';

export async function hasSession(): Promise<boolean> {
  const answer = await getJson<SessionState>('session-time');
  return answer.ok && answer.data.signedIn;
}
