import * as z from 'zod/mini';
import { maskEmail } from '../adapters/audit-logger';
import { systemClock } from '../adapters/system';
import { loadConfig } from '../config';
import { openRegistration } from '../domain/use-cases/open-registration';
import { apiHandler } from '../http/api-handler';
import { tokenField } from '../http/fields';
import { audit, logger } from '../wiring';
import { accountsTable, requestsTable } from '../adapters/dynamodb/tables';

const config = loadConfig();
const deps = { accounts: accountsTable(config), requests: requestsTable(config), audit, clock: systemClock };

/** パスコード入力 opens: is this completion URL still usable? */
export const handler = apiHandler({
  siteUrl: config.SITE_URL,
  logger,
  body: z.object({ token: tokenField }),
  run: async ({ body }) => {
    const { request } = await openRegistration(body.token, deps);
    return { body: { status: 'pending', email: maskEmail(request.email) } };
  },
});
