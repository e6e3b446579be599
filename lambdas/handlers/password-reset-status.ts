import { requestStatusHandler } from '../http/request-status-handler';

/** パスワード再設定 (from the email's URL) opens. */
export const handler = requestStatusHandler('passwordReset');
