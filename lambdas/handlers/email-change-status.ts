import { defineRoute } from '../composition/route-handler';
import { requestStatusRoute } from '../http/request-status';

/** メールアドレス変更 (from the email's URL) opens. */
export const route = defineRoute('email-change-status', requestStatusRoute('emailChange'));
