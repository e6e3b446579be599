import { routeHandler } from '../composition/route-handler';
import { requestStatusRoute } from '../http/request-status';

/** パスコード入力 opens. */
export const handler = routeHandler('registration-status', requestStatusRoute('registration'));
