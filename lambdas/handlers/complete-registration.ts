import { defineRoute } from '../composition/route-handler';
import { completeRegistration } from '../domain/use-cases/merchant/complete-registration';
import { newPasswordBody } from '../http/fields';

/** パスコード入力 → 設定 */
export const route = defineRoute('complete-registration', {
  body: newPasswordBody,
  run: async ({ body }, deps) => {
    await completeRegistration(body, deps);
    return { body: { ok: true } };
  },
});
