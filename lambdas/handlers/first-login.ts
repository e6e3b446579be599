import * as z from 'zod/mini';
import { passcodeKey } from '../adapters/passcode-key';
import { loadConfig } from '../config';
import { startRequestDeps } from '../request-deps';
import { requestRegistration } from '../domain/use-cases/request-registration';
import { apiHandler } from '../http/api-handler';
import { emailField, loginIdField, passwordField } from '../http/fields';
import { apiDefaults, lockoutRule, mailRateRule } from '../wiring';
import { limitsTable } from '../adapters/dynamodb/tables';

const config = loadConfig();
const deps = {
  ...startRequestDeps(config),
  limits: limitsTable(config),
  lockout: lockoutRule(config),
  mailRate: mailRateRule(config),
};

/** 初回メールアドレス登録 → 登録 */
export const handler = apiHandler({
  ...apiDefaults(config),
  body: z.object({
    loginId: loginIdField('初回ログインID'),
    initialPassword: passwordField('初回パスワード'),
    email: emailField,
  }),
  run: async ({ body }) => {
    await requestRegistration(body, { ...deps, passcodeKey: await passcodeKey(config) });
    return { body: { ok: true } };
  },
});
