/**
 * What every signed-in page shares: who is signed in (GET /api/me), the way back to the login
 * page when the session is gone (a 401 from any call), and the ログアウト button.
 */
import { getJson, postJson, type ApiResult } from './api';
import { byId } from './dom';

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

export const SIGN_IN_AGAIN = 'index.html?sessionExpired=1';

/** True (and on its way to the login page) when the answer says the session is gone. */
export function leftForLogin(result: ApiResult<unknown>): boolean {
  if (result.ok || result.status !== 401) return false;
  location.replace(SIGN_IN_AGAIN);
  return true;
}

/** The signed-in account, or undefined after showing why not (or leaving for the login page). */
export async function loadMe(alertRegion: HTMLElement): Promise<Me | undefined> {
  const result = await getJson<Me>('me');
  if (result.ok) return result.data;
  if (!leftForLogin(result)) alertRegion.textContent = result.error.message;
  return undefined;
}

export function listenForLogout(alertRegion: HTMLElement): void {
  const button = byId<HTMLButtonElement>('logout');
  button.addEventListener('click', async () => {
    button.disabled = true;
    const result = await postJson('logout', {});
    // Already signed out is still signed out.
    if (result.ok || result.status === 401) {
      location.href = './?loggedOut=1';
      return;
    }
    button.disabled = false;
    alertRegion.textContent = result.error.message;
  });
}
