import { routeHandler } from '../composition/route-handler';
import { logIn } from '../domain/use-cases/merchant/log-in';
import { loginIdField, passwordField, requestBody } from '../http/fields';
import { sessionCookie } from '../http/session-cookie';

/** ログイン */
export const handler = routeHandler('login', {
  body: requestBody({ loginId: loginIdField('ログインID'), password: passwordField('パスワード') }),
  run: async ({ body }, deps) => {
    const sessionId = await logIn(body, deps);
    return { body: { ok: true }, cookies: [sessionCookie(sessionId, deps.sessionAbsoluteMinutes * 60)] };
  },
});
