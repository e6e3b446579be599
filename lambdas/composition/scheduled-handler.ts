import { loadConfig } from '../config';
import type { ScheduledEntry } from '../schedules';
import { scheduledNeeds } from './needs';
import { resourcesFromConfig } from './resources';
import { type Adapters, compose, type Collaborators } from './root';
import { logger } from './route-handler';

/**
 * A Lambda handler for one scheduled job (lambdas/schedules.ts): the configuration read once at
 * cold start, the collaborators within the job's declared needs, and what the run did written as
 * one log line (and returned, for whoever invoked it by hand).
 */
export function scheduledHandler<Result extends object>(
  entry: ScheduledEntry,
  adapters: Adapters,
  run: (deps: Collaborators) => Promise<Result>,
) {
  const config = loadConfig();
  const app = compose({ resources: resourcesFromConfig(config), needs: scheduledNeeds[entry], adapters, owner: entry, logger });
  return async (): Promise<Result> => {
    const result = await run(await app.ready());
    logger.info(`scheduled job ${entry}`, { job: entry, ...result });
    return result;
  };
}
