import { Duration } from 'aws-cdk-lib';
import type { HttpStage } from 'aws-cdk-lib/aws-apigatewayv2';
import {
  Alarm,
  AlarmStatusWidget,
  ComparisonOperator,
  Dashboard,
  GraphWidget,
  MathExpression,
  Metric,
  Stats,
  TextWidget,
  TreatMissingData,
  type IAlarm,
  type IMetric,
} from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import type { Distribution } from 'aws-cdk-lib/aws-cloudfront';
import type { ITopic } from 'aws-cdk-lib/aws-sns';
import { Construct } from 'constructs';
import { EDGE_REGION } from '../../stack-names';
import type { ILogGroup } from 'aws-cdk-lib/aws-logs';
import type { DeployedFunction } from '../api/api-routes';
import { AuditMetrics } from './audit-metrics';
import { SavedAuditQueries } from './audit-queries';

interface MonitoringThresholds {
  /** Share of API answers that are 5xx, in percent, over 5 minutes. */
  readonly api5xxPercent: number;
  readonly failedLoginsPer5Min: number;
  readonly lockoutsPer5Min: number;
  readonly failedSecondStepsPer5Min: number;
  /** Errors and throttles of one function within 5 minutes. */
  readonly functionFailuresPer5Min: number;
  /** SES reviews an account at 5 % bounces and may pause it at 10 %. */
  readonly sesBounceRate: number;
  /** SES reviews an account at 0.1 % complaints. */
  readonly sesComplaintRate: number;
}

export interface MonitoringProps {
  readonly stage: string;
  /** The API's functions, one per zone. */
  readonly functions: readonly DeployedFunction[];
  /** Log groups of earlier releases' functions, still holding audit lines: searched, no longer counted. */
  readonly earlierLogGroups: readonly ILogGroup[];
  /** The ops command's audit log group, searched by the audit queries too. */
  readonly opsAuditLogGroupName: string;
  /** API Gateway's access log: route, status and latency of every request. */
  readonly apiAccessLogs: ILogGroup;
  readonly apiStage: HttpStage;
  readonly distribution: Distribution;
  /** The web ACL's metric name (its CloudWatch metrics are in us-east-1). */
  readonly webAclMetricName: string;
  readonly opsTopic: ITopic;
  readonly thresholds: MonitoringThresholds;
}

const FIVE_MINUTES = Duration.minutes(5);

/**
 * What the ops team watches: alarms to the ops topic (API 5xx rate, each function's errors and
 * throttles, failed-login, lockout and failed-second-step spikes from the audit lines, SES bounce and complaint
 * rates), one dashboard, and the auditors' saved queries. It grows with the functions (zones),
 * not with the routes: per route, the API's access log answers (saved query "API - errors and latency by route").
 */
export class Monitoring extends Construct {
  readonly alarms: IAlarm[] = [];
  readonly dashboard: Dashboard;

  constructor(
    scope: Construct,
    id: string,
    private readonly props: MonitoringProps,
  ) {
    super(scope, id);
    const { functions, apiStage, thresholds } = props;
    const prefix = `CustomerSupportWeb-${props.stage}`;
    const logGroups = functions.map((f) => f.logGroup);
    const audit = new AuditMetrics(this, 'AuditMetrics', { namespace: `CustomerSupportWeb/${props.stage}`, logGroups });
    new SavedAuditQueries(this, 'AuditQueries', {
      stage: props.stage,
      logGroups: [...logGroups, ...props.earlierLogGroups],
      opsAuditLogGroupName: props.opsAuditLogGroupName,
      apiAccessLogs: props.apiAccessLogs,
    });

    const requests = apiStage.metricCount({ period: FIVE_MINUTES, statistic: Stats.SUM });
    const serverErrors = apiStage.metricServerError({ period: FIVE_MINUTES, statistic: Stats.SUM });
    const api5xxRate = new MathExpression({
      // A handful of requests with one 5xx is not yet a rate worth waking anyone for.
      expression: 'IF(requests >= 10, 100 * errors / requests, 0)',
      usingMetrics: { requests, errors: serverErrors },
      period: FIVE_MINUTES,
      label: 'API 5xx %',
    });
    this.alarm('Api5xxRate', api5xxRate, {
      name: `${prefix}-api-5xx-rate`,
      description: `More than ${thresholds.api5xxPercent}% of API answers were 5xx in two of three 5-minute periods.`,
      threshold: thresholds.api5xxPercent,
      evaluationPeriods: 3,
      datapointsToAlarm: 2,
    });
    // One alarm per function, on errors and throttles together.
    for (const { zone, function: fn } of functions) {
      const failures = new MathExpression({
        expression: 'errors + throttles',
        usingMetrics: {
          errors: fn.metricErrors({ period: FIVE_MINUTES, statistic: Stats.SUM }),
          throttles: fn.metricThrottles({ period: FIVE_MINUTES, statistic: Stats.SUM }),
        },
        period: FIVE_MINUTES,
        label: `${zone} errors and throttles`,
      });
      this.alarm(`Failures-${zone}`, failures, {
        name: `${prefix}-lambda-failures-${zone}`,
        description: `The ${zone} function failed (an error no answer mapping caught, a timeout, or a start-up configuration error) or hit its reserved concurrency: merchants got errors. Which route: the saved query "API - errors and latency by route".`,
        threshold: thresholds.functionFailuresPer5Min,
        comparison: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      });
    }
    this.alarm('FailedLogins', audit.metric('FailedLogins'), {
      name: `${prefix}-failed-logins-spike`,
      description: `At least ${thresholds.failedLoginsPer5Min} failed logins within 5 minutes: password guessing? See the saved query "Audit - failed logins by IP".`,
      threshold: thresholds.failedLoginsPer5Min,
      comparison: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
    });
    this.alarm('Lockouts', audit.metric('Lockouts'), {
      name: `${prefix}-lockouts-spike`,
      description: `At least ${thresholds.lockoutsPer5Min} login IDs or emails locked within 5 minutes. See the saved query "Audit - lockouts".`,
      threshold: thresholds.lockoutsPer5Min,
      comparison: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
    });
    this.alarm('FailedSecondSteps', audit.metric('FailedSecondSteps'), {
      name: `${prefix}-failed-second-steps-spike`,
      description: `At least ${thresholds.failedSecondStepsPer5Min} second sign-in steps refused within 5 minutes (wrong or reused codes, wrong recovery codes, refused passkeys) after right passwords: codes tried on known passwords? See the saved query "Audit - failed second steps by login ID".`,
      threshold: thresholds.failedSecondStepsPer5Min,
      comparison: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
    });
    this.alarm('SesBounceRate', sesReputation('Reputation.BounceRate'), {
      name: `${prefix}-ses-bounce-rate`,
      description: `The account's SES bounce rate passed ${thresholds.sesBounceRate * 100}% (SES reviews accounts at 5%, may pause sending at 10%).`,
      threshold: thresholds.sesBounceRate,
      comparison: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
    });
    this.alarm('SesComplaintRate', sesReputation('Reputation.ComplaintRate'), {
      name: `${prefix}-ses-complaint-rate`,
      description: `The account's SES complaint rate passed ${thresholds.sesComplaintRate * 100}% (SES reviews accounts at 0.1%).`,
      threshold: thresholds.sesComplaintRate,
      comparison: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
    });

    this.dashboard = new Dashboard(this, 'Dashboard', {
      dashboardName: prefix,
      defaultInterval: Duration.hours(24),
    });
    this.dashboard.addWidgets(
      new TextWidget({
        markdown: `# お客様サポートWEB (${props.stage})\nAudit queries: CloudWatch Logs Insights → Saved queries → \`CustomerSupportWeb/${props.stage}\`.`,
        width: 24,
        height: 2,
      }),
    );
    this.dashboard.addWidgets(
      graph('API requests and errors', [
        requests,
        apiStage.metricClientError({ period: FIVE_MINUTES, statistic: Stats.SUM }),
        serverErrors,
      ]),
      graph('API latency (p50, p99)', [
        apiStage.metricLatency({ period: FIVE_MINUTES, statistic: 'p50' }),
        apiStage.metricLatency({ period: FIVE_MINUTES, statistic: 'p99' }),
      ]),
      graph('API 5xx %', [api5xxRate]),
    );
    this.dashboard.addWidgets(
      graph(
        'Lambda errors',
        functions.map((f) => f.function.metricErrors({ period: FIVE_MINUTES, label: f.zone })),
      ),
      graph(
        'Lambda throttles',
        functions.map((f) => f.function.metricThrottles({ period: FIVE_MINUTES, label: f.zone })),
      ),
      graph(
        'Lambda duration p99',
        functions.map((f) => f.function.metricDuration({ period: FIVE_MINUTES, statistic: 'p99', label: f.zone })),
      ),
    );
    this.dashboard.addWidgets(
      graph('Failed logins and lockouts', [
        audit.metric('FailedLogins'),
        audit.metric('Lockouts'),
        audit.metric('FailedPasskeySignIns'),
        audit.metric('FailedSecondSteps'),
      ]),
      graph('WAF (us-east-1): allowed and blocked', [
        wafMetric(props.webAclMetricName, 'AllowedRequests'),
        wafMetric(props.webAclMetricName, 'BlockedRequests'),
      ]),
      graph('CloudFront (us-east-1): requests and error rates', [
        props.distribution.metricRequests({ period: FIVE_MINUTES, region: EDGE_REGION }),
        props.distribution.metric('5xxErrorRate', { period: FIVE_MINUTES, region: EDGE_REGION, statistic: Stats.AVERAGE }),
        props.distribution.metric('4xxErrorRate', { period: FIVE_MINUTES, region: EDGE_REGION, statistic: Stats.AVERAGE }),
      ]),
    );
    this.dashboard.addWidgets(
      graph(
        'SES sends, deliveries, bounces, complaints',
        ['Send', 'Delivery', 'Bounce', 'Complaint'].map((name) => sesCount(name)),
      ),
      graph('SES reputation', [sesReputation('Reputation.BounceRate'), sesReputation('Reputation.ComplaintRate')]),
      new AlarmStatusWidget({ title: 'Alarms', alarms: this.alarms, width: 8, height: 6 }),
    );
  }

  private alarm(
    id: string,
    metric: IMetric,
    options: {
      name: string;
      description: string;
      threshold: number;
      comparison?: ComparisonOperator;
      evaluationPeriods?: number;
      datapointsToAlarm?: number;
    },
  ): void {
    const alarm = new Alarm(this, id, {
      alarmName: options.name,
      alarmDescription: options.description,
      metric,
      threshold: options.threshold,
      comparisonOperator: options.comparison ?? ComparisonOperator.GREATER_THAN_THRESHOLD,
      evaluationPeriods: options.evaluationPeriods ?? 1,
      datapointsToAlarm: options.datapointsToAlarm,
      // No traffic is not a problem.
      treatMissingData: TreatMissingData.NOT_BREACHING,
    });
    alarm.addAlarmAction(new SnsAction(this.props.opsTopic));
    alarm.addOkAction(new SnsAction(this.props.opsTopic));
    this.alarms.push(alarm);
  }
}

function graph(title: string, metrics: IMetric[]): GraphWidget {
  return new GraphWidget({ title, left: metrics, width: 8, height: 6 });
}

function sesReputation(metricName: string): Metric {
  return new Metric({ namespace: 'AWS/SES', metricName, statistic: Stats.MAXIMUM, period: Duration.hours(1) });
}

function sesCount(metricName: string): Metric {
  return new Metric({ namespace: 'AWS/SES', metricName, statistic: Stats.SUM, period: Duration.hours(1) });
}

function wafMetric(webAclMetricName: string, metricName: string): Metric {
  return new Metric({
    namespace: 'AWS/WAFV2',
    metricName,
    dimensionsMap: { WebACL: webAclMetricName, Rule: 'ALL' },
    statistic: Stats.SUM,
    period: FIVE_MINUTES,
    region: EDGE_REGION,
  });
}
