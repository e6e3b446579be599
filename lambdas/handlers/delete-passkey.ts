import { defineRoute } from '../composition/route-handler';
import { deletePasskey } from '../domain/use-cases/merchant/delete-passkey';
import { passkeyIdField, requestBody } from '../http/fields';

/** パスキーの管理 → 削除 (signed in, freshly proved) */
export const route = defineRoute('delete-passkey', {
  body: requestBody({ id: passkeyIdField }),
  run: async ({ body, sessionId }, deps) => {
    await deletePasskey(sessionId, body, deps);
    return { body: { ok: true } };
  },
});
