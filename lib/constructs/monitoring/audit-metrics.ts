import { FilterPattern, MetricFilter, type ILogGroup } from 'aws-cdk-lib/aws-logs';
import { Metric, Stats } from 'aws-cdk-lib/aws-cloudwatch';
import { Duration } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { SECOND_STEP_EVENTS } from '../../audit-events';

/** Audit lines (README "Audit events") counted into metrics. */
const AUDIT_METRIC_PATTERNS = {
  FailedLogins: FilterPattern.all(
    FilterPattern.booleanValue('$.audit', true),
    FilterPattern.stringValue('$.event', '=', 'login'),
    FilterPattern.stringValue('$.outcome', '=', 'failure'),
  ),
  Lockouts: FilterPattern.all(FilterPattern.booleanValue('$.audit', true), FilterPattern.stringValue('$.event', '=', 'lockout')),
  /** Passkey sign-ins refused: phishing attempts, replays, cloned passkeys show up here. */
  FailedPasskeySignIns: FilterPattern.all(
    FilterPattern.booleanValue('$.audit', true),
    FilterPattern.stringValue('$.event', '=', 'passkey.sign-in'),
    FilterPattern.stringValue('$.outcome', '=', 'failure'),
  ),
  /**
   * The second sign-in step refused after a right password: a wrong or reused app code, a wrong
   * or used recovery code, a refused passkey, or a step that expired.
   */
  FailedSecondSteps: FilterPattern.all(
    FilterPattern.booleanValue('$.audit', true),
    FilterPattern.any(...SECOND_STEP_EVENTS.map((event) => FilterPattern.stringValue('$.event', '=', event))),
    FilterPattern.stringValue('$.outcome', '=', 'failure'),
  ),
} as const;

export type AuditMetricName = keyof typeof AUDIT_METRIC_PATTERNS;

export interface AuditMetricsProps {
  readonly namespace: string;
  /** Every handler's log group: the metrics do not depend on which handler writes the line. */
  readonly logGroups: readonly ILogGroup[];
}

/**
 * Metric filters that turn audit lines into CloudWatch metrics. Every log group gets every
 * filter; all filters of one name publish the same metric, which CloudWatch adds up.
 */
export class AuditMetrics extends Construct {
  constructor(
    scope: Construct,
    id: string,
    private readonly props: AuditMetricsProps,
  ) {
    super(scope, id);
    props.logGroups.forEach((logGroup, index) => {
      for (const [metricName, filterPattern] of Object.entries(AUDIT_METRIC_PATTERNS)) {
        new MetricFilter(this, `${metricName}${index}`, {
          logGroup,
          filterPattern,
          metricNamespace: props.namespace,
          metricName,
          metricValue: '1',
        });
      }
    });
  }

  /** The count per 5 minutes. */
  metric(name: AuditMetricName): Metric {
    return new Metric({
      namespace: this.props.namespace,
      metricName: name,
      statistic: Stats.SUM,
      period: Duration.minutes(5),
    });
  }
}
