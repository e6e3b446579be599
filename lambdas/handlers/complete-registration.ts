import * as z from 'zod/mini';
import { passcodeKey } from '../adapters/passcode-key';
import { systemClock } from '../adapters/system';
import { loadConfig } from '../config';
import { completeRegistration } from '../domain/use-cases/complete-registration';
import { apiHandler } from '../http/api-handler';
import { passcodeField, passwordField, tokenField } from '../http/fields';
import { apiDefaults, audit } from '../wiring';
import { accountsTable, requestsTable } from '../adapters/dynamodb/tables';
import { cognitoIdentity } from '../adapters/cognito-identity';

const config = loadConfig();
const deps = {
  accounts: accountsTable(config),
  requests: requestsTable(config),
  identity: cognitoIdentity(config),
  audit,
  clock: systemClock,
  maxPasscodeAttempts: config.PASSCODE_MAX_ATTEMPTS,
};

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
