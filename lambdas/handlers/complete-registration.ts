import * as z from 'zod/mini';
import { passcodeKey } from '../adapters/passcode-key';
import { loadConfig } from '../config';
import { redeemRequestDeps } from '../request-deps';
import { completeRegistration } from '../domain/use-cases/complete-registration';
import { apiHandler } from '../http/api-handler';
import { passcodeField, passwordField, tokenField } from '../http/fields';
import { apiDefaults } from '../wiring';
import { cognitoIdentity } from '../adapters/cognito-identity';

const config = loadConfig();
const deps = { ...redeemRequestDeps(config), identity: cognitoIdentity(config) };

/** パスコード入力 → 設定 */
export const handler = apiHandler({
  ...apiDefaults(config),
  body: z.object({
    token: tokenField,
    passcode: passcodeField,
    newPassword: passwordField('新パスワード'),
    newPasswordConfirmation: passwordField('新パスワード(確認用)'),
  }),
  run: async ({ body }) => {
    await completeRegistration(body, { ...deps, passcodeKey: await passcodeKey(config) });
    return { body: { ok: true } };
  },
});
