import { Logger } from '@aws-lambda-powertools/logger';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import { AsyncLocalStorage } from 'node:async_hooks';
import type * as z from 'zod/mini';
import { loadConfig } from '../config';
import { apiHandler, type Answer, type ApiRequest, unroutedHandler } from '../http/api-handler';
import { type RouteEntry, routesOf, type ZoneName } from '../routes';
import { handlerNeeds, type Needs, zoneNeeds } from './needs';
import { resourcesFromConfig } from './resources';
import { type Adapters, compose, type Collaborators } from './root';

/** One logger per process; the audit trail and the request keys share it. */
export const logger = new Logger({ serviceName: 'customer-support-web' });

export interface RouteSpec<Schema extends z.ZodMiniType = z.ZodMiniType> {
  readonly entry: RouteEntry;
  readonly body?: Schema;
  /** The one use case of the route, given the collaborators its needs allow. */
  readonly run: (request: ApiRequest<z.infer<Schema>>, deps: Collaborators) => Promise<Answer>;
}

/** A route of lambdas/routes.ts: its body schema and its one use case. Builds nothing: its zone's function does. */
export function defineRoute<Schema extends z.ZodMiniType>(entry: RouteEntry, spec: Omit<RouteSpec<Schema>, 'entry'>): RouteSpec<Schema> {
  return { entry, ...spec };
}

type Event = APIGatewayProxyEventV2;
type Result = APIGatewayProxyStructuredResultV2;
export type ZoneHandler = (event: Event, context: Context) => Promise<Result>;

/**
 * The Lambda handler of one zone (its entry in lambdas/functions/): the configuration read once at cold start, one
 * composition within the zone's needs (so the SDK clients and their connections are shared by its
 * routes and stay warm), and each request sent by its route key to its route's HTTP chain, where
 * the clients refuse whatever that route did not declare. The routes given must be exactly the
 * zone's routes in lambdas/routes.ts.
 */
export function zoneHandler(zone: ZoneName, specs: readonly RouteSpec[], adapters: Adapters): ZoneHandler {
  const expected = routesOf(zone);
  const given = specs.map((spec) => spec.entry).sort();
  const missing = expected.filter((route) => !given.includes(route.entry)).map((route) => route.entry);
  const strangers = given.filter((entry) => !expected.some((route) => route.entry === entry));
  if (missing.length || strangers.length)
    throw new Error(`zone ${zone}: routes missing (${missing.join(', ') || 'none'}), not its own (${strangers.join(', ') || 'none'})`);
  const needs = zoneNeeds(zone);
  if (needs.userPoolActions?.length && !adapters.identity)
    throw new Error(`zone ${zone}: its routes use Cognito; compose the identity adapter`);
  if (needs.sendMail && !adapters.mailer) throw new Error(`zone ${zone}: its routes send mail; compose the mailer`);

  const config = loadConfig();
  const route = new AsyncLocalStorage<Needs>();
  const app = compose({ resources: resourcesFromConfig(config), needs, adapters, narrowedTo: () => route.getStore(), owner: zone, logger });
  const byRouteKey = new Map<string, ZoneHandler>(
    specs.map((spec) => {
      const { method, path } = expected.find((candidate) => candidate.entry === spec.entry)!;
      const handler = apiHandler({
        siteUrl: config.SITE_URL,
        logger,
        originSecret: app.originSecret,
        body: spec.body,
        run: async (request) => {
          // The secrets are the zone's, read before the route's narrower needs apply.
          const deps = await app.ready();
          return route.run(handlerNeeds[spec.entry], () => spec.run(request, deps));
        },
      });
      return [`${method} ${path}`, handler];
    }),
  );
  // `$default`: API Gateway sends here what no route takes; any other zone never sees it.
  const unrouted: ZoneHandler = unroutedHandler({ logger, originSecret: app.originSecret });
  return (event, context) => (byRouteKey.get(event.routeKey) ?? unrouted)(event, context);
}
