import * as z from 'zod/mini';
import { cognitoIdentity } from '../adapters/cognito-identity';
import { sessionsTable } from '../adapters/dynamodb/tables';
import { passcodeKey } from '../adapters/passcode-key';
import { sesMailer } from '../adapters/ses-mailer';
import { loadConfig } from '../config';
import { redeemRequestDeps } from '../request-deps';
import { completePasswordReset } from '../domain/use-cases/complete-password-reset';
import { apiHandler } from '../http/api-handler';
import { passcodeField, passwordField, tokenField } from '../http/fields';
import { apiDefaults, mailWording } from '../wiring';

const config = loadConfig();
const deps = {
  ...redeemRequestDeps(config),
  sessions: sessionsTable(config),
  identity: cognitoIdentity(config),
  mailer: sesMailer(config),
  wording: mailWording(config),
};

/** パスワード再設定 → 設定 */
export const handler = apiHandler({
  ...apiDefaults(config),
  body: z.object({
    token: tokenField,
    passcode: passcodeField,
    newPassword: passwordField('新パスワード'),
    newPasswordConfirmation: passwordField('新パスワード(確認用)'),
  }),
  run: async ({ body }) => {
    await completePasswordReset(body, { ...deps, passcodeKey: await passcodeKey(config) });
    return { body: { ok: true } };
  },
});
