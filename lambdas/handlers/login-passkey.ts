import { routeHandler } from '../composition/route-handler';
import { finishPasskeySecondStep } from '../domain/use-cases/merchant/passkey-second-step';
import { passkeyResponseField, requestBody } from '../http/fields';
import { CLEARED_STEP_COOKIE, sessionCookie } from '../http/session-cookie';

/** ログイン, second step with a passkey: the browser's answer; signed in on success */
export const handler = routeHandler('login-passkey', {
  body: requestBody({ response: passkeyResponseField }),
  run: async ({ body, stepId }, deps) => {
    const sessionId = await finishPasskeySecondStep(stepId, body, deps);
    return { body: { ok: true }, cookies: [sessionCookie(sessionId, deps.sessionAbsoluteMinutes * 60), CLEARED_STEP_COOKIE] };
  },
});
