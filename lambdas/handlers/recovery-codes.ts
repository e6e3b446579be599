import { defineRoute } from '../composition/route-handler';
import { regenerateRecoveryCodes } from '../domain/use-cases/merchant/regenerate-recovery-codes';

/** リカバリーコードの再発行: a new set, the old one void (signed in, fresh proof). */
export const route = defineRoute('recovery-codes', {
  run: async ({ sessionId }, deps) => ({ body: { recoveryCodes: await regenerateRecoveryCodes(sessionId, deps) } }),
});
