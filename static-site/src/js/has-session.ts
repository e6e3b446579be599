/**
 * Whether this browser is signed in. GET /api/session only looks (it does not count as a use), so
 * asking keeps no idle session alive; a signed-out browser's 401 is the expected answer.
 */
import { getJson } from './api';

export async function hasSession(): Promise<boolean> {
  return (await getJson('session-time')).ok;
}
