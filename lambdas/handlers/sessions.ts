import { defineRoute } from '../composition/route-handler';
import { listSessions } from '../domain/use-cases/merchant/list-sessions';

/** ログイン中の端末: the account's live sessions (signed in) */
export const route = defineRoute('sessions', {
  run: async ({ sessionId }, deps) => ({ body: { sessions: await listSessions(sessionId, deps) } }),
});
