import { defineRoute } from '../composition/route-handler';
import { ValidationError } from '../domain/errors';
import { completeSecondFactor } from '../domain/use-cases/merchant/complete-second-factor';
import { authenticatorCodeField, recoveryCodeField, requestBody } from '../http/fields';
import { CLEARED_STEP_COOKIE, signedInCookies } from '../http/session-cookie';
import * as z from 'zod/mini';

/** 確認コードの入力: the app's code, or a recovery code, after the password. */
export const route = defineRoute('second-factor', {
  body: requestBody({ code: z.optional(authenticatorCodeField), recoveryCode: z.optional(recoveryCodeField) }),
  run: async ({ body, stepId, client }, deps) => {
    const answer = body.code ? { code: body.code } : body.recoveryCode ? { recoveryCode: body.recoveryCode } : undefined;
    if (!answer) throw new ValidationError({ code: '確認コードを入力してください。' });
    const started = await completeSecondFactor(stepId, answer, client, deps);
    const cookies = [...signedInCookies(started, deps.sessionAbsoluteMinutes * 60), CLEARED_STEP_COOKIE];
    const { recoveryCodesLeft } = started;
    return { body: recoveryCodesLeft === undefined ? { ok: true } : { ok: true, recoveryCodesLeft }, cookies };
  },
});
