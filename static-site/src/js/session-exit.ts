/**
 * The two ways out of a signed-in page: the session is gone (a 401 from any call, or the idle
 * end), which leads to the login page with its notice; or the merchant logs out.
 */
import { postJson, type ApiResult } from './api';

export const SIGN_IN_AGAIN = 'index.html?sessionExpired=1';

/** True (and on its way to the login page) when the answer says the session is gone. */
export function leftForLogin(result: ApiResult<unknown>): boolean {
  if (result.ok || result.status !== 401) return false;
  location.replace(SIGN_IN_AGAIN);
  return true;
}

/** ログアウト: on the way to the login page's notice, or the message to show when it failed. */
export async function logOut(): Promise<string | undefined> {
  const result = await postJson('logout', {});
  // Already signed out is still signed out.
  if (result.ok || result.status === 401) {
    location.href = './?loggedOut=1';
    return undefined;
  }
  return result.error.message;
}
