import * as z from 'zod/mini';
import { limitsTable } from '../adapters/dynamodb/tables';
import { passcodeKey } from '../adapters/passcode-key';
import { loadConfig } from '../config';
import { startRequestDeps } from '../request-deps';
import { requestPasswordReset } from '../domain/use-cases/request-password-reset';
import { apiHandler } from '../http/api-handler';
import { emailField } from '../http/fields';
import { MAIL_REQUEST_FLOOR_MS, paced } from '../http/paced';
import { apiDefaults, mailRateRule } from '../wiring';

const config = loadConfig();
const deps = { ...startRequestDeps(config), limits: limitsTable(config), mailRate: mailRateRule(config) };

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
