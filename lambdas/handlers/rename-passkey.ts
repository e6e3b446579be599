import { defineRoute } from '../composition/route-handler';
import { renamePasskey } from '../domain/use-cases/merchant/rename-passkey';
import { passkeyIdField, passkeyNameField, requestBody } from '../http/fields';

/** パスキーの管理 → 名前を変更 (signed in) */
export const route = defineRoute('rename-passkey', {
  body: requestBody({ id: passkeyIdField, name: passkeyNameField }),
  run: async ({ body, sessionId }, deps) => ({ body: await renamePasskey(sessionId, body, deps) }),
});
