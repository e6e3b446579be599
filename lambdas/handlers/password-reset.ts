import * as z from 'zod/mini';
import { accountsTable, limitsTable, requestsTable } from '../adapters/dynamodb/tables';
import { passcodeKey } from '../adapters/passcode-key';
import { sesMailer } from '../adapters/ses-mailer';
import { systemClock, systemRandom } from '../adapters/system';
import { loadConfig } from '../config';
import { requestPasswordReset } from '../domain/use-cases/request-password-reset';
import { apiHandler } from '../http/api-handler';
import { emailField } from '../http/fields';
import { MAIL_REQUEST_FLOOR_MS, paced } from '../http/paced';
import { apiDefaults, audit, mailRateRule, mailWording } from '../wiring';

const config = loadConfig();
const deps = {
  accounts: accountsTable(config),
  requests: requestsTable(config),
  limits: limitsTable(config),
  mailRate: mailRateRule(config),
  mailer: sesMailer(config),
  audit,
  clock: systemClock,
  random: systemRandom,
  siteUrl: config.SITE_URL,
  wording: mailWording(config),
};

/** パスワードを忘れた方はこちら → 送信: one answer, in one time, for every address. */
export const handler = apiHandler({
  ...apiDefaults(config),
  body: z.object({ email: emailField }),
  run: async ({ body }) => {
    const key = await passcodeKey(config);
    await paced(MAIL_REQUEST_FLOOR_MS, () => requestPasswordReset(body, { ...deps, passcodeKey: key }));
    return { body: { ok: true } };
  },
});
