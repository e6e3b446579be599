import { defineRoute } from '../composition/route-handler';
import { showHome } from '../domain/use-cases/merchant/show-home';

/** The signed-in home's data; 401 sends the page to login. */
export const route = defineRoute('me', {
  run: async ({ sessionId }, deps) => ({ body: await showHome(sessionId, deps) }),
});
