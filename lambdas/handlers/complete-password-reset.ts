import { defineRoute } from '../composition/route-handler';
import { completePasswordReset } from '../domain/use-cases/merchant/complete-password-reset';
import { newPasswordBody } from '../http/fields';

/** パスワード再設定 → 設定 */
export const route = defineRoute('complete-password-reset', {
  body: newPasswordBody,
  run: async ({ body }, deps) => {
    await completePasswordReset(body, deps);
    return { body: { ok: true } };
  },
});
