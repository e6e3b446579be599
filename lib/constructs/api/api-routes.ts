import { Validations } from 'aws-cdk-lib';
import { HttpMethod, HttpRoute, HttpRouteKey, PayloadFormatVersion, type HttpApi } from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import type { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import type { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { join } from 'node:path';
import { type HandlerEntry, routes, UNROUTED_ENTRY } from '../../../lambdas/routes';
import type { DataResources } from '../../data-resources';
import { grantNeeds, type SharedGrants } from './grant-needs';
import { HandlerFunction } from './handler-function';
import { handlerNeeds } from '../../../lambdas/composition/needs';

export interface ApiRoutesProps {
  readonly httpApi: HttpApi;
  readonly handlersDir: string;
  readonly environment: Record<string, string>;
  readonly data: DataResources;
  readonly shared: SharedGrants;
  readonly logRetention: RetentionDays;
  readonly memorySize: number;
  readonly reservedConcurrency?: number;
}

/** What monitoring needs of each handler. */
export interface DeployedHandler {
  readonly entry: HandlerEntry;
  readonly function: NodejsFunction;
  readonly logGroup: LogGroup;
}

/** One function per entry of lambdas/routes.ts, each on its route with only the grants it needs. */
export class ApiRoutes extends Construct {
  /** Every route's function, and the `$default` route's last. */
  readonly handlers: readonly DeployedHandler[];

  constructor(scope: Construct, id: string, props: ApiRoutesProps) {
    super(scope, id);
    const routed = routes.map((route): DeployedHandler => {
      const name = pascalCase(route.entry);
      const handler = new HandlerFunction(this, name, {
        entry: join(props.handlersDir, `${route.entry}.ts`),
        environment: props.environment,
        logRetention: props.logRetention,
        memorySize: props.memorySize,
        reservedConcurrency: props.reservedConcurrency,
      });
      grantNeeds(handler.role, handlerNeeds[route.entry], props.data, props.shared);
      props.httpApi.addRoutes({
        path: route.path,
        methods: [HttpMethod[route.method]],
        integration: new HttpLambdaIntegration(`${name}Integration`, handler.function, {
          payloadFormatVersion: PayloadFormatVersion.VERSION_2_0,
        }),
      });
      return { entry: route.entry, function: handler.function, logGroup: handler.logGroup };
    });
    // `$default`: what no route takes gets the product's JSON 404 (405 on a known path), not API Gateway's own body.
    const unrouted = new HandlerFunction(this, 'Unrouted', {
      entry: join(props.handlersDir, `${UNROUTED_ENTRY}.ts`),
      environment: props.environment,
      logRetention: props.logRetention,
      memorySize: props.memorySize,
      reservedConcurrency: props.reservedConcurrency,
    });
    grantNeeds(unrouted.role, handlerNeeds[UNROUTED_ENTRY], props.data, props.shared);
    const fallback = new HttpRoute(this, 'DefaultRoute', {
      httpApi: props.httpApi,
      routeKey: HttpRouteKey.DEFAULT,
      integration: new HttpLambdaIntegration('UnroutedIntegration', unrouted.function, {
        payloadFormatVersion: PayloadFormatVersion.VERSION_2_0,
      }),
    });
    Validations.of(fallback).acknowledge({
      id: 'AwsSolutions-APIG4',
      reason:
        'The default route only answers 404/405 and touches nothing; it refuses requests without the origin-verify secret like every route.',
    });
    this.handlers = [...routed, { entry: UNROUTED_ENTRY, function: unrouted.function, logGroup: unrouted.logGroup }];
  }
}

function pascalCase(kebab: string): string {
  return kebab.replace(/(^|-)([a-z])/g, (_match, _dash, letter: string) => letter.toUpperCase());
}
