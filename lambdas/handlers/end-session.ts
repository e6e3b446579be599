import { defineRoute } from '../composition/route-handler';
import { endSession } from '../domain/use-cases/merchant/end-session';
import { requestBody, sessionKeyField } from '../http/fields';

/** ログイン中の端末 → ログアウトさせる: ends one other session (signed in) */
export const route = defineRoute('end-session', {
  body: requestBody({ key: sessionKeyField }),
  run: async ({ body, sessionId }, deps) => {
    await endSession(sessionId, body, deps);
    return { body: { ok: true } };
  },
});
