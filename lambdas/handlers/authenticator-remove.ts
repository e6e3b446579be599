import { defineRoute } from '../composition/route-handler';
import { removeAuthenticator } from '../domain/use-cases/merchant/remove-authenticator';

/** 認証アプリの削除 (signed in, fresh proof). */
export const route = defineRoute('authenticator-remove', {
  run: async ({ sessionId }, deps) => {
    await removeAuthenticator(sessionId, deps);
    return { body: { ok: true } };
  },
});
