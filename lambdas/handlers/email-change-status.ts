import { requestStatusHandler } from '../http/request-status-handler';

/** メールアドレス変更 (from the email's URL) opens. */
export const handler = requestStatusHandler('emailChange');
