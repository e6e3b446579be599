import { Duration } from 'aws-cdk-lib';
import { Rule, Schedule } from 'aws-cdk-lib/aws-events';
import { LambdaFunction } from 'aws-cdk-lib/aws-events-targets';
import type { RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { join } from 'node:path';
import { scheduledNeeds } from '../../../lambdas/composition/needs';
import type { ScheduledJob as Job } from '../../../lambdas/schedules';
import type { DataResources } from '../../data-resources';
import { grantNeeds } from '../api/grant-needs';
import { HandlerFunction } from '../api/handler-function';

export interface ScheduledJobProps {
  readonly job: Job;
  readonly functionsDir: string;
  /** The handlers' environment; the origin secret, which only API calls carry, is left out. */
  readonly environment: Record<string, string>;
  readonly data: DataResources;
  readonly logRetention: RetentionDays;
  readonly memorySize: number;
  readonly sourceMaps: boolean;
}

/**
 * One scheduled job: its function (own role, granted from its needs, one run at a time) and the
 * EventBridge rule that starts it. A failed run is tried again twice; the next day's run finds
 * whatever is left, since every job is safe to run again.
 */
export class ScheduledJob extends Construct {
  readonly handler: HandlerFunction;
  readonly rule: Rule;

  constructor(scope: Construct, id: string, props: ScheduledJobProps) {
    super(scope, id);
    const { ORIGIN_VERIFY_SECRET_ARN: _apiOnly, ...environment } = props.environment;
    this.handler = new HandlerFunction(this, 'Handler', {
      entry: join(props.functionsDir, `${props.job.entry}.ts`),
      environment,
      logRetention: props.logRetention,
      memorySize: props.memorySize,
      sourceMaps: props.sourceMaps,
      // Runs never overlap: a late run waits for the next day rather than racing the first.
      reservedConcurrency: 1,
      timeout: Duration.minutes(15),
      roleDescription: `Scheduled job ${props.job.entry} of CustomerSupportWeb: its log group and what the job needs`,
    });
    grantNeeds(this.handler.role, scheduledNeeds[props.job.entry], props.data);
    this.rule = new Rule(this, 'Schedule', {
      description: props.job.description,
      schedule: Schedule.cron({ minute: props.job.cron.minute, hour: props.job.cron.hour }),
      targets: [new LambdaFunction(this.handler.function, { retryAttempts: 2, maxEventAge: Duration.hours(2) })],
    });
  }
}
