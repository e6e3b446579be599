import * as z from 'zod/mini';
import { defineRoute } from '../composition/route-handler';
import { registerPasskey } from '../domain/use-cases/merchant/register-passkey';
import { passkeyNameField, passkeyResponseField, requestBody } from '../http/fields';

/** パスキーの管理 → このデバイスにパスキーを登録: the browser's answer (signed in, freshly proved) */
export const route = defineRoute('register-passkey', {
  body: requestBody({ response: passkeyResponseField, name: z.optional(passkeyNameField) }),
  run: async ({ body, sessionId }, deps) => ({ body: await registerPasskey(sessionId, body, deps) }),
});
