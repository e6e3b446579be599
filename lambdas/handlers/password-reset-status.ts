import { defineRoute } from '../composition/route-handler';
import { requestStatusRoute } from '../http/request-status';

/** パスワード再設定 (from the email's URL) opens. */
export const route = defineRoute('password-reset-status', requestStatusRoute('passwordReset'));
