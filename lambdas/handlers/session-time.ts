import { defineRoute } from '../composition/route-handler';
import { showSessionTime } from '../domain/use-cases/merchant/session-time';

/** Whether this browser is signed in and how long before the idle end; looking does not extend it. */
export const route = defineRoute('session-time', {
  run: async ({ sessionId }, deps) => ({ body: await showSessionTime(sessionId, deps) }),
});
