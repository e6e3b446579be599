import { defineRoute } from '../composition/route-handler';
import { requestPasswordReset } from '../domain/use-cases/merchant/request-password-reset';
import { emailField, requestBody } from '../http/fields';
import { MAIL_REQUEST_FLOOR_MS, paced } from '../http/paced';

/** パスワードを忘れた方はこちら → 送信: one answer, in one time, for every address. */
export const route = defineRoute('password-reset', {
  body: requestBody({ email: emailField }),
  run: async ({ body }, deps) => {
    await paced(MAIL_REQUEST_FLOOR_MS, () => requestPasswordReset(body, deps));
    return { body: { ok: true } };
  },
});
