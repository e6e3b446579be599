import { defineRoute } from '../composition/route-handler';
import { proveAgain } from '../domain/use-cases/merchant/prove-again';
import { passwordField, requestBody } from '../http/fields';

/** 本人確認: the password again, before a sensitive change (signed in). */
export const route = defineRoute('proof', {
  body: requestBody({ password: passwordField('パスワード') }),
  run: async ({ body, sessionId }, deps) => {
    await proveAgain(sessionId, body.password, deps);
    return { body: { ok: true } };
  },
});
