import * as z from 'zod/mini';
import { systemClock, systemRandom } from '../adapters/system';
import { passcodeKey } from '../adapters/passcode-key';
import { loadConfig } from '../config';
import { requestRegistration } from '../domain/use-cases/request-registration';
import { apiHandler } from '../http/api-handler';
import { emailField, loginIdField, passwordField } from '../http/fields';
import { apiDefaults, audit, lockoutRule, mailRateRule, mailWording } from '../wiring';
import { accountsTable, limitsTable, requestsTable } from '../adapters/dynamodb/tables';
import { sesMailer } from '../adapters/ses-mailer';

const config = loadConfig();
const deps = {
  accounts: accountsTable(config),
  requests: requestsTable(config),
  limits: limitsTable(config),
  lockout: lockoutRule(config),
  mailRate: mailRateRule(config),
  mailer: sesMailer(config),
  audit,
  clock: systemClock,
  random: systemRandom,
  siteUrl: config.SITE_URL,
  wording: mailWording(config),
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
