import { Logger } from '@aws-lambda-powertools/logger';
import type * as z from 'zod/mini';
import { loadConfig } from '../config';
import { apiHandler, type Answer, type ApiRequest, unroutedHandler } from '../http/api-handler';
import { type RouteEntry, UNROUTED_ENTRY } from '../routes';
import { handlerNeeds } from './needs';
import { resourcesFromConfig } from './resources';
import { compose, type Collaborators } from './root';

/** One logger per process; the audit trail and the request keys share it. */
export const logger = new Logger({ serviceName: 'customer-support-web' });

export interface RouteSpec<Schema extends z.ZodMiniType> {
  body?: Schema;
  /** The one use case of the route, given the collaborators its needs allow. */
  run: (request: ApiRequest<z.infer<Schema>>, deps: Collaborators) => Promise<Answer>;
}

/**
 * A Lambda handler for one entry of lambdas/routes.ts: its configuration read once at cold
 * start, its collaborators from the composition root within its declared needs, the HTTP chain
 * around its use case.
 */
export function routeHandler<Schema extends z.ZodMiniType>(entry: RouteEntry, spec: RouteSpec<Schema>) {
  const config = loadConfig();
  const app = compose({ resources: resourcesFromConfig(config), needs: handlerNeeds[entry], owner: entry, logger });
  return apiHandler({
    siteUrl: config.SITE_URL,
    logger,
    originSecret: app.originSecret,
    body: spec.body,
    run: async (request) => spec.run(request, await app.ready()),
  });
}

/** The `$default` route's handler: no use case and no needs, only the refusal of lambdas/http/refusals.ts. */
export function defaultRouteHandler() {
  const config = loadConfig();
  const app = compose({
    resources: resourcesFromConfig(config),
    needs: handlerNeeds[UNROUTED_ENTRY],
    owner: UNROUTED_ENTRY,
    logger,
  });
  return unroutedHandler({ logger, originSecret: app.originSecret });
}
