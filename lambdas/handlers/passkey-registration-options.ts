import { defineRoute } from '../composition/route-handler';
import { startPasskeyRegistration } from '../domain/use-cases/merchant/start-passkey-registration';

/** パスキーの管理 → このデバイスにパスキーを登録: the options (signed in, freshly proved) */
export const route = defineRoute('passkey-registration-options', {
  run: async ({ sessionId }, deps) => ({ body: { options: await startPasskeyRegistration(sessionId, deps) } }),
});
