import { defineRoute } from '../composition/route-handler';
import { PASSKEY_STEP_MINUTES } from '../domain/passkeys';
import { startPasskeySignIn } from '../domain/use-cases/merchant/start-passkey-sign-in';
import { stepCookie } from '../http/session-cookie';

/** ログイン → パスキーでログイン: a challenge, held by the step cookie */
export const route = defineRoute('passkey-login-options', {
  run: async (_request, deps) => {
    const { stepId, options } = await startPasskeySignIn(deps);
    return { body: { options }, cookies: [stepCookie(stepId, PASSKEY_STEP_MINUTES * 60)] };
  },
});
