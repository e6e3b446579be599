import * as z from 'zod/mini';
import { cognitoIdentity } from '../adapters/cognito-identity';
import { passcodeKey } from '../adapters/passcode-key';
import { sesMailer } from '../adapters/ses-mailer';
import { loadConfig } from '../config';
import { redeemRequestDeps } from '../request-deps';
import { completeEmailChange } from '../domain/use-cases/complete-email-change';
import { apiHandler } from '../http/api-handler';
import { passcodeField, tokenField } from '../http/fields';
import { apiDefaults, mailWording } from '../wiring';

const config = loadConfig();
const deps = {
  ...redeemRequestDeps(config),
  identity: cognitoIdentity(config),
  mailer: sesMailer(config),
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
