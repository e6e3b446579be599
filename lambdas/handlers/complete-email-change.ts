import { defineRoute } from '../composition/route-handler';
import { completeEmailChange } from '../domain/use-cases/merchant/complete-email-change';
import { passcodeField, requestBody, tokenField } from '../http/fields';

/** メールアドレス変更 (from the email's URL) → パスコード → 設定 */
export const route = defineRoute('complete-email-change', {
  body: requestBody({ token: tokenField, passcode: passcodeField }),
  run: async ({ body }, deps) => {
    await completeEmailChange(body, deps);
    return { body: { ok: true } };
  },
});
