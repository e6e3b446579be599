import * as z from 'zod/mini';
import { accountsTable, requestsTable } from '../adapters/dynamodb/tables';
import { systemClock } from '../adapters/system';
import { loadConfig } from '../config';
import { maskEmail } from '../domain/mask-email';
import type { RequestKind } from '../domain/model';
import { openRequest } from '../domain/use-cases/open-request';
import { apiDefaults, audit } from '../wiring';
import { apiHandler } from './api-handler';
import { tokenField } from './fields';

/** A completion page opens: is its URL still usable? The same for every kind of request. */
export function requestStatusHandler(kind: RequestKind) {
  const config = loadConfig();
  const deps = { accounts: accountsTable(config), requests: requestsTable(config), audit, clock: systemClock };
  return apiHandler({
    ...apiDefaults(config),
    body: z.object({ token: tokenField }),
    run: async ({ body }) => {
      const { request } = await openRequest(kind, body.token, deps);
      return { body: { status: 'pending', email: maskEmail(request.email) } };
    },
  });
}
