import { defineRoute } from '../composition/route-handler';
import { listFactors } from '../domain/use-cases/merchant/list-factors';

/** 2段階認証の設定: which second factors the merchant has (signed in). */
export const route = defineRoute('factors', {
  run: async ({ sessionId }, deps) => ({ body: await listFactors(sessionId, deps) }),
});
