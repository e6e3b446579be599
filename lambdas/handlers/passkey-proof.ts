import { defineRoute } from '../composition/route-handler';
import { proveWithPasskey } from '../domain/use-cases/merchant/prove-with-passkey';
import { passkeyResponseField, requestBody } from '../http/fields';

/** 本人確認 with a passkey: the browser's answer (signed in) */
export const route = defineRoute('passkey-proof', {
  body: requestBody({ response: passkeyResponseField }),
  run: async ({ body, sessionId }, deps) => {
    await proveWithPasskey(sessionId, body, deps);
    return { body: { ok: true } };
  },
});
