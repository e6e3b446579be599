import { routeHandler } from '../composition/route-handler';
import { requestStatusRoute } from '../http/request-status';

/** メールアドレス変更 (from the email's URL) opens. */
export const handler = routeHandler('email-change-status', requestStatusRoute('emailChange'));
