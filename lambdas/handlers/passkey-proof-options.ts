import { defineRoute } from '../composition/route-handler';
import { startPasskeyProof } from '../domain/use-cases/merchant/start-passkey-proof';

/** 本人確認 with a passkey: the options (signed in) */
export const route = defineRoute('passkey-proof-options', {
  run: async ({ sessionId }, deps) => ({ body: { options: await startPasskeyProof(sessionId, deps) } }),
});
