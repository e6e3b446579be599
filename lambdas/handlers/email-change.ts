import * as z from 'zod/mini';
import { defineRoute } from '../composition/route-handler';
import { requestEmailChange } from '../domain/use-cases/merchant/request-email-change';
import { emailField, passwordField, requestBody } from '../http/fields';
import { MAIL_REQUEST_FLOOR_MS, paced } from '../http/paced';

/**
 * メールアドレス変更 → 送信 (signed in): the current password (left out only by a session proved
 * within minutes), then one answer, in one time, whether the address is free or not.
 */
export const route = defineRoute('email-change', {
  body: requestBody({ newEmail: emailField, currentPassword: z.optional(passwordField('現在のパスワード')) }),
  run: async ({ body, sessionId }, deps) => {
    await paced(MAIL_REQUEST_FLOOR_MS, () => requestEmailChange(sessionId, body, deps));
    return { body: { ok: true } };
  },
});
