import { defineRoute } from '../composition/route-handler';
import { endOtherSessions } from '../domain/use-cases/merchant/end-other-sessions';

/** ログイン中の端末 → 他の端末からすべてログアウト (signed in) */
export const route = defineRoute('end-other-sessions', {
  run: async ({ sessionId }, deps) => ({ body: { ok: true, sessionsEnded: await endOtherSessions(sessionId, deps) } }),
});
