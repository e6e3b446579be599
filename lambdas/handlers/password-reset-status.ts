import { routeHandler } from '../composition/route-handler';
import { requestStatusRoute } from '../http/request-status';

/** パスワード再設定 (from the email's URL) opens. */
export const handler = routeHandler('password-reset-status', requestStatusRoute('passwordReset'));
