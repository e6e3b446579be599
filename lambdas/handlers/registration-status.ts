import { defineRoute } from '../composition/route-handler';
import { requestStatusRoute } from '../http/request-status';

/** パスコード入力 opens. */
export const route = defineRoute('registration-status', requestStatusRoute('registration'));
