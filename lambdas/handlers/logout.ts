import { loadConfig } from '../config';
import { logOut } from '../domain/use-cases/log-out';
import { apiHandler } from '../http/api-handler';
import { CLEARED_SESSION_COOKIE } from '../http/session-cookie';
import { audit, logger } from '../wiring';
import { sessionsTable } from '../adapters/dynamodb/tables';

const config = loadConfig();
const deps = { sessions: sessionsTable(config), audit };

/** ログアウト */
export const handler = apiHandler({
  siteUrl: config.SITE_URL,
  logger,
  run: async ({ sessionId }) => {
    await logOut(sessionId, deps);
    return { body: { ok: true }, cookies: [CLEARED_SESSION_COOKIE] };
  },
});
