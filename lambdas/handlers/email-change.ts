import * as z from 'zod/mini';
import { limitsTable, sessionsTable } from '../adapters/dynamodb/tables';
import { passcodeKey } from '../adapters/passcode-key';
import { loadConfig } from '../config';
import { startRequestDeps } from '../request-deps';
import { requestEmailChange } from '../domain/use-cases/request-email-change';
import { apiHandler } from '../http/api-handler';
import { emailField } from '../http/fields';
import { MAIL_REQUEST_FLOOR_MS, paced } from '../http/paced';
import { apiDefaults, mailRateRule } from '../wiring';

const config = loadConfig();
const deps = {
  ...startRequestDeps(config),
  sessions: sessionsTable(config),
  limits: limitsTable(config),
  mailRate: mailRateRule(config),
  sessionIdleMinutes: config.SESSION_IDLE_MINUTES,
};

/** メールアドレス変更 → 送信 (signed in): one answer, in one time, whether the address is free or not. */
export const handler = apiHandler({
  ...apiDefaults(config),
  body: z.object({ newEmail: emailField }),
  run: async ({ body, sessionId }) => {
    const key = await passcodeKey(config);
    await paced(MAIL_REQUEST_FLOOR_MS, () => requestEmailChange(sessionId, body, { ...deps, passcodeKey: key }));
    return { body: { ok: true } };
  },
});
