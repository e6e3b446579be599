/**
 * The product's scheduled jobs: one Lambda function each (`entry`, a file of `lambdas/functions/`
 * exporting `handler`), started by an EventBridge rule instead of a route. CDK builds the rule
 * from this table; local mode starts none of them (ops runs them by hand).
 */
export type ScheduledEntry = 'inactive-accounts';

export interface ScheduledJob {
  readonly entry: ScheduledEntry;
  /** EventBridge cron fields, in UTC. */
  readonly cron: { readonly minute: string; readonly hour: string };
  readonly description: string;
}

/** The inactivity rule (PCI DSS 8.2.6), daily at 03:00 in Japan: a quiet hour for the merchants. */
export const INACTIVE_ACCOUNTS_JOB: ScheduledJob = {
  entry: 'inactive-accounts',
  cron: { minute: '0', hour: '18' },
  description: 'Daily 03:00 JST: warns, then disables, registered accounts unused for inactiveDisableDays (PCI DSS 8.2.6)',
};
