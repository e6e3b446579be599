import { defineRoute } from '../composition/route-handler';
import { signInWithPasskey } from '../domain/use-cases/merchant/sign-in-with-passkey';
import { passkeyResponseField, requestBody } from '../http/fields';
import { CLEARED_STEP_COOKIE, signedInCookies } from '../http/session-cookie';

/** ログイン → パスキーでログイン: the browser's answer; signed in on success */
export const route = defineRoute('passkey-login', {
  body: requestBody({ response: passkeyResponseField }),
  run: async ({ body, stepId, client }, deps) => {
    const started = await signInWithPasskey(stepId, body, client, deps);
    return { body: { ok: true }, cookies: [...signedInCookies(started, deps.sessionAbsoluteMinutes * 60), CLEARED_STEP_COOKIE] };
  },
});
