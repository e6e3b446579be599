import { requestStatusHandler } from '../http/request-status-handler';

/** パスコード入力 opens. */
export const handler = requestStatusHandler('registration');
