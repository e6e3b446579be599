import { HttpMethod, PayloadFormatVersion, type HttpApi } from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import type { RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { join } from 'node:path';
import { routes } from '../../../lambdas/routes';
import type { DataResources } from '../../data-resources';
import { grantNeeds } from './grant-needs';
import { HandlerFunction } from './handler-function';
import { handlerNeeds } from './handler-needs';

export interface ApiRoutesProps {
  readonly httpApi: HttpApi;
  readonly handlersDir: string;
  readonly environment: Record<string, string>;
  readonly data: DataResources;
  readonly logRetention: RetentionDays;
  readonly memorySize: number;
}

/** One function per entry of lambdas/routes.ts, each on its route with only the grants it needs. */
export class ApiRoutes extends Construct {
  constructor(scope: Construct, id: string, props: ApiRoutesProps) {
    super(scope, id);
    for (const route of routes) {
      const name = pascalCase(route.entry);
      const fn = new HandlerFunction(this, name, {
        entry: join(props.handlersDir, `${route.entry}.ts`),
        environment: props.environment,
        logRetention: props.logRetention,
        memorySize: props.memorySize,
      }).function;
      grantNeeds(fn, handlerNeeds[route.entry], props.data);
      props.httpApi.addRoutes({
        path: route.path,
        methods: [HttpMethod[route.method]],
        integration: new HttpLambdaIntegration(`${name}Integration`, fn, {
          payloadFormatVersion: PayloadFormatVersion.VERSION_2_0,
        }),
      });
    }
  }
}

function pascalCase(kebab: string): string {
  return kebab.replace(/(^|-)([a-z])/g, (_match, _dash, letter: string) => letter.toUpperCase());
}
