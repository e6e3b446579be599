import { loadConfig } from '../config';
import { logOut } from '../domain/use-cases/log-out';
import { apiHandler } from '../http/api-handler';
import { CLEARED_SESSION_COOKIE } from '../http/session-cookie';
import { apiDefaults, audit } from '../wiring';
import { sessionsTable } from '../adapters/dynamodb/tables';

const config = loadConfig();
const deps = { sessions: sessionsTable(config), audit };

/** ログアウト */
export const handler = apiHandler({
  ...apiDefaults(config),
  run: async ({ sessionId }) => {
    await logOut(sessionId, deps);
    return { body: { ok: true }, cookies: [CLEARED_SESSION_COOKIE] };
  },
});
