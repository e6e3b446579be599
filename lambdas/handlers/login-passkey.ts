import { defineRoute } from '../composition/route-handler';
import { finishPasskeySecondStep } from '../domain/use-cases/merchant/passkey-second-step';
import { passkeyResponseField, requestBody } from '../http/fields';
import { CLEARED_STEP_COOKIE, signedInCookies } from '../http/session-cookie';

/** ログイン, second step with a passkey: the browser's answer; signed in on success */
export const route = defineRoute('login-passkey', {
  body: requestBody({ response: passkeyResponseField }),
  run: async ({ body, stepId, client }, deps) => {
    const started = await finishPasskeySecondStep(stepId, body, client, deps);
    return { body: { ok: true }, cookies: [...signedInCookies(started, deps.sessionAbsoluteMinutes * 60), CLEARED_STEP_COOKIE] };
  },
});
