import { defineRoute } from '../composition/route-handler';
import { changePassword } from '../domain/use-cases/merchant/change-password';
import { passwordField, requestBody } from '../http/fields';

/** パスワード変更 → 変更 (signed in) */
export const route = defineRoute('change-password', {
  body: requestBody({
    currentPassword: passwordField('現在のパスワード'),
    newPassword: passwordField('新パスワード'),
    newPasswordConfirmation: passwordField('新パスワード(確認用)'),
  }),
  run: async ({ body, sessionId }, deps) => {
    await changePassword(sessionId, body, deps);
    return { body: { ok: true } };
  },
});
