import { routeHandler } from '../composition/route-handler';
import { showHome } from '../domain/use-cases/merchant/show-home';

/** The signed-in home's data; 401 sends the page to login. */
export const handler = routeHandler('me', {
  run: async ({ sessionId }, deps) => ({ body: await showHome(sessionId, deps) }),
});
