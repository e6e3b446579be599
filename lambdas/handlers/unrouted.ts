import { defaultRouteHandler } from '../composition/route-handler';

/** API Gateway's `$default` route: an unknown API path gets the product's JSON 404 (405 with `Allow` on a known path). */
export const handler = defaultRouteHandler();
