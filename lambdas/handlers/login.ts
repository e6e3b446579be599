import * as z from 'zod/mini';
import { systemClock, systemRandom } from '../adapters/system';
import { loadConfig } from '../config';
import { logIn } from '../domain/use-cases/log-in';
import { apiHandler } from '../http/api-handler';
import { loginIdField, passwordField } from '../http/fields';
import { sessionCookie } from '../http/session-cookie';
import { apiDefaults, audit, lockoutRule } from '../wiring';
import { accountsTable, limitsTable, sessionsTable } from '../adapters/dynamodb/tables';
import { cognitoIdentity } from '../adapters/cognito-identity';

const config = loadConfig();
const deps = {
  accounts: accountsTable(config),
  sessions: sessionsTable(config),
  identity: cognitoIdentity(config),
  limits: limitsTable(config),
  lockout: lockoutRule(config),
  audit,
  clock: systemClock,
  random: systemRandom,
  sessionAbsoluteMinutes: config.SESSION_ABSOLUTE_MINUTES,
};

/** ログイン */
export const handler = apiHandler({
  ...apiDefaults(config),
  body: z.object({ loginId: loginIdField('ログインID'), password: passwordField('パスワード') }),
  run: async ({ body }) => {
    const sessionId = await logIn(body, deps);
    return { body: { ok: true }, cookies: [sessionCookie(sessionId, config.SESSION_ABSOLUTE_MINUTES * 60)] };
  },
});
