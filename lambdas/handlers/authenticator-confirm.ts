import { defineRoute } from '../composition/route-handler';
import { confirmAuthenticator } from '../domain/use-cases/merchant/confirm-authenticator';
import { authenticatorCodeField, requestBody } from '../http/fields';

/** 認証アプリの設定 → 確認: the app's first code; the first factor's recovery codes, once (signed in). */
export const route = defineRoute('authenticator-confirm', {
  body: requestBody({ code: authenticatorCodeField }),
  run: async ({ body, sessionId }, deps) => ({ body: { ok: true, ...(await confirmAuthenticator(sessionId, body.code, deps)) } }),
});
