import { RemovalPolicy, Validations } from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import { HttpApi, HttpStage, LogGroupLogDestination } from 'aws-cdk-lib/aws-apigatewayv2';
import { LogGroup, type RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';

export interface HttpApiGatewayProps {
  readonly logRetention: RetentionDays;
}

/**
 * The HTTP API behind CloudFront's `/api/*`, without routes yet: CloudFront needs its domain
 * before the handlers (which need the site's URL) exist.
 */
export class HttpApiGateway extends Construct {
  readonly httpApi: HttpApi;
  readonly stage: HttpStage;
  /** One line per request: route key, status, latency (the saved query of errors and latency by route). */
  readonly accessLogs: LogGroup;

  constructor(scope: Construct, id: string, props: HttpApiGatewayProps) {
    super(scope, id);
    this.httpApi = new HttpApi(this, 'HttpApi', {
      description: 'お客様サポートWEB API (reached through CloudFront /api/*)',
      createDefaultStage: false,
    });
    Validations.of(this.httpApi).acknowledge({
      id: 'AwsSolutions-APIG4',
      reason:
        "Authorization is in the handlers: the signed-in routes check the session cookie, the others (login, first login, password reset, completion links) are public by design; every route also refuses requests without CloudFront's origin-verify secret. An API Gateway authorizer would add a hop, not a check.",
    });
    // Access logs show what never reached a handler (throttled, integration errors).
    this.accessLogs = new LogGroup(this, 'AccessLogs', {
      retention: props.logRetention,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    this.stage = new HttpStage(this, 'DefaultStage', {
      httpApi: this.httpApi,
      stageName: '$default',
      autoDeploy: true,
      // A ceiling for the whole API behind WAF's per-IP limits; far above real use.
      throttle: { rateLimit: 50, burstLimit: 100 },
      accessLogSettings: {
        destination: new LogGroupLogDestination(this.accessLogs),
        format: AccessLogFormat.custom(
          JSON.stringify({
            requestId: '$context.requestId',
            time: '$context.requestTime',
            routeKey: '$context.routeKey',
            status: '$context.status',
            latencyMs: '$context.responseLatency',
            integrationError: '$context.integrationErrorMessage',
          }),
        ),
      },
    });
  }
}
