import { defineRoute } from '../composition/route-handler';
import { logOut } from '../domain/use-cases/merchant/log-out';
import { CLEARED_SESSION_COOKIE } from '../http/session-cookie';

/** ログアウト */
export const route = defineRoute('logout', {
  run: async ({ sessionId }, deps) => {
    await logOut(sessionId, deps);
    return { body: { ok: true }, cookies: [CLEARED_SESSION_COOKIE] };
  },
});
