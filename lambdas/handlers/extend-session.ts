import { defineRoute } from '../composition/route-handler';
import { extendSession } from '../domain/use-cases/merchant/session-time';

/** 「ログインを続ける」: the idle time starts again now (signed in). */
export const route = defineRoute('extend-session', {
  run: async ({ sessionId }, deps) => ({ body: await extendSession(sessionId, deps) }),
});
