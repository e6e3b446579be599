import { defineRoute } from '../composition/route-handler';
import { listPasskeys } from '../domain/use-cases/merchant/list-passkeys';

/** パスキーの管理: the merchant's passkeys (signed in) */
export const route = defineRoute('passkeys', {
  run: async ({ sessionId }, deps) => ({ body: { passkeys: await listPasskeys(sessionId, deps) } }),
});
