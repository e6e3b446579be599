import { defineRoute } from '../composition/route-handler';
import { logIn, SECOND_STEP_MINUTES } from '../domain/use-cases/merchant/log-in';
import { loginBody } from '../http/fields';
import { signedInCookies, stepCookie } from '../http/session-cookie';

/** ログイン: a session, or the second step (step cookie, no session) when the merchant has a second factor. */
export const route = defineRoute('login', {
  body: loginBody,
  run: async ({ body, client }, deps) => {
    const outcome = await logIn(body, client, deps);
    if (outcome.next === 'second-factor') {
      const { next, methods, stepId } = outcome;
      return { body: { next, methods }, cookies: [stepCookie(stepId, SECOND_STEP_MINUTES * 60)] };
    }
    const answer = outcome.next === 'signed-in' ? { ok: true } : { next: outcome.next };
    return { body: answer, cookies: signedInCookies(outcome, deps.sessionAbsoluteMinutes * 60) };
  },
});
