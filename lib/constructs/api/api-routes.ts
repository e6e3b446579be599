import { RemovalPolicy, Validations } from 'aws-cdk-lib';
import { HttpMethod, HttpRoute, HttpRouteKey, PayloadFormatVersion, type HttpApi } from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import type { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, type RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { join } from 'node:path';
import { zoneNeeds } from '../../../lambdas/composition/needs';
import { routesOf, UNROUTED_ZONE, ZONES, type ZoneName } from '../../../lambdas/routes';
import type { DataResources } from '../../data-resources';
import { lazyLibrariesOf } from '../../bundling';
import { grantNeeds, type SharedGrants } from './grant-needs';
import { HandlerFunction } from './handler-function';
import { LEGACY_ROUTE_FUNCTIONS } from './legacy-route-functions';

export interface ApiRoutesProps {
  readonly httpApi: HttpApi;
  readonly functionsDir: string;
  readonly environment: Record<string, string>;
  readonly data: DataResources;
  readonly shared: SharedGrants;
  readonly logRetention: RetentionDays;
  readonly memorySize: number;
  readonly reservedConcurrency?: number;
  readonly sourceMaps: boolean;
}

/** What monitoring needs of each function. */
export interface DeployedFunction {
  readonly zone: ZoneName;
  readonly function: NodejsFunction;
  readonly logGroup: LogGroup;
}

/**
 * One function per zone of lambdas/routes.ts, each with the grants its routes need together and
 * every route of its zone, through one integration and one invoke permission for the whole API
 * (per-route permissions would cost a resource per route).
 */
export class ApiRoutes extends Construct {
  readonly functions: readonly DeployedFunction[];
  /**
   * The log groups of the functions of earlier releases (one per route): kept, retained, with the
   * stage's retention, so the audit lines in them stay where the saved queries look.
   */
  readonly earlierLogGroups: readonly LogGroup[];

  constructor(scope: Construct, id: string, props: ApiRoutesProps) {
    super(scope, id);
    this.functions = ZONES.map((zone): DeployedFunction => {
      const name = `${pascalCase(zone)}Zone`;
      const handler = new HandlerFunction(this, name, {
        entry: join(props.functionsDir, `${zone}.ts`),
        environment: props.environment,
        logRetention: props.logRetention,
        memorySize: props.memorySize,
        reservedConcurrency: props.reservedConcurrency,
        sourceMaps: props.sourceMaps,
        lazyLibraries: lazyLibrariesOf(zone),
        roleDescription: `The ${zone} function of CustomerSupportWeb: its log group and what its routes need`,
      });
      grantNeeds(handler.role, zoneNeeds(zone), props.data, props.shared);
      const integration = new HttpLambdaIntegration(`${name}Integration`, handler.function, {
        payloadFormatVersion: PayloadFormatVersion.VERSION_2_0,
        scopePermissionToRoute: false,
      });
      for (const route of routesOf(zone)) {
        props.httpApi.addRoutes({ path: route.path, methods: [HttpMethod[route.method]], integration });
      }
      if (zone === UNROUTED_ZONE) {
        // `$default`: what no route takes gets the product's JSON 404 (405 on a known path), not API Gateway's own body.
        const fallback = new HttpRoute(this, 'DefaultRoute', { httpApi: props.httpApi, routeKey: HttpRouteKey.DEFAULT, integration });
        Validations.of(fallback).acknowledge({
          id: 'AwsSolutions-APIG4',
          reason:
            'The default route only answers 404/405 and touches nothing; it refuses requests without the origin-verify secret like every route.',
        });
      }
      return { zone, function: handler.function, logGroup: handler.logGroup };
    });
    // At the construct paths of the earlier functions' log groups, so their logical ids (and the groups) stay.
    this.earlierLogGroups = LEGACY_ROUTE_FUNCTIONS.map(
      (name) =>
        new LogGroup(new Construct(this, name), 'Logs', {
          retention: props.logRetention,
          removalPolicy: RemovalPolicy.RETAIN,
        }),
    );
  }
}

function pascalCase(kebab: string): string {
  return kebab.replace(/(^|-)([a-z])/g, (_match, _dash, letter: string) => letter.toUpperCase());
}
