import * as z from 'zod/mini';
import { cognitoIdentity } from '../adapters/cognito-identity';
import { accountsTable, requestsTable } from '../adapters/dynamodb/tables';
import { passcodeKey } from '../adapters/passcode-key';
import { sesMailer } from '../adapters/ses-mailer';
import { systemClock } from '../adapters/system';
import { loadConfig } from '../config';
import { completeEmailChange } from '../domain/use-cases/complete-email-change';
import { apiHandler } from '../http/api-handler';
import { passcodeField, tokenField } from '../http/fields';
import { apiDefaults, audit, mailWording } from '../wiring';

const config = loadConfig();
const deps = {
  accounts: accountsTable(config),
  requests: requestsTable(config),
  identity: cognitoIdentity(config),
  mailer: sesMailer(config),
  audit,
  clock: systemClock,
  maxPasscodeAttempts: config.PASSCODE_MAX_ATTEMPTS,
  wording: mailWording(config),
};

/** メールアドレス変更 (from the email's URL) → パスコード → 設定 */
export const handler = apiHandler({
  ...apiDefaults(config),
  body: z.object({ token: tokenField, passcode: passcodeField }),
  run: async ({ body }) => {
    await completeEmailChange(body, { ...deps, passcodeKey: await passcodeKey(config) });
    return { body: { ok: true } };
  },
});
