import { defineRoute } from '../composition/route-handler';
import { startPasskeySecondStep } from '../domain/use-cases/merchant/passkey-second-step';

/** ログイン, second step with a passkey: the options for the step cookie's merchant */
export const route = defineRoute('login-passkey-options', {
  run: async ({ stepId }, deps) => ({ body: { options: await startPasskeySecondStep(stepId, deps) } }),
});
