import { routeHandler } from '../composition/route-handler';
import { showSessionTime } from '../domain/use-cases/merchant/session-time';

/** How long the session has before its idle end; looking does not extend it (signed in). */
export const handler = routeHandler('session-time', {
  run: async ({ sessionId }, deps) => ({ body: await showSessionTime(sessionId, deps) }),
});
