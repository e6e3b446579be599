/**
 * What every signed-in page shares: who is signed in (GET /api/me), the way back to the login
 * page when the session is gone (a 401 from any call), the ログアウト button and the warning
 * before the idle end.
 */
import { getJson } from './api';
import { byId } from './dom';
import { watchIdleTime } from './idle-warning';
import { leftForLogin, logOut } from './session-exit';

export interface Me {
  email: string;
  /** The customer's login ID from the letter (初回ログインID). */
  loginId: string;
  /** This login (ISO 8601). */
  lastLoginAt: string | null;
  /** The login before this one; null on the first. */
  previousLoginAt: string | null;
  /** The required policy: a second factor must be set up before anything else. */
  setupRequired: boolean;
}

/** The signed-in account, or undefined after showing why not (or leaving for the login page). */
export async function loadMe(alertRegion: HTMLElement): Promise<Me | undefined> {
  const result = await getJson<Me>('me');
  if (result.ok) return result.data;
  if (!leftForLogin(result)) alertRegion.textContent = result.error.message;
  return undefined;
}

/** The header's ログアウト and the idle warning: every signed-in page starts them. */
export function startSignedIn(alertRegion: HTMLElement): void {
  const button = byId<HTMLButtonElement>('logout');
  button.addEventListener('click', async () => {
    button.disabled = true;
    const problem = await logOut();
    if (problem === undefined) return;
    button.disabled = false;
    alertRegion.textContent = problem;
  });
  watchIdleTime();
}
