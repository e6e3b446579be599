import { systemClock } from '../adapters/system';
import { loadConfig } from '../config';
import { showHome } from '../domain/use-cases/show-home';
import { apiHandler } from '../http/api-handler';
import { apiDefaults, audit } from '../wiring';
import { accountsTable, sessionsTable } from '../adapters/dynamodb/tables';

const config = loadConfig();
const deps = {
  accounts: accountsTable(config),
  sessions: sessionsTable(config),
  audit,
  clock: systemClock,
  sessionIdleMinutes: config.SESSION_IDLE_MINUTES,
};

/** The signed-in home's data; 401 sends the page to login. */
export const handler = apiHandler({
  ...apiDefaults(config),
  run: async ({ sessionId }) => ({ body: await showHome(sessionId, deps) }),
});
