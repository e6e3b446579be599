import { defineRoute } from '../composition/route-handler';
import { requestRegistration } from '../domain/use-cases/merchant/request-registration';
import { emailField, initialLoginIdField, passwordField, requestBody } from '../http/fields';

/** 初回メールアドレス登録 → 登録 */
export const route = defineRoute('first-login', {
  body: requestBody({
    loginId: initialLoginIdField('初回ログインID'),
    initialPassword: passwordField('初回パスワード'),
    email: emailField,
  }),
  run: async ({ body }, deps) => {
    await requestRegistration(body, deps);
    return { body: { ok: true } };
  },
});
