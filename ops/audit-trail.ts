/**
 * The ops command's audit trail in CloudWatch Logs, where the auditors look (PCI DSS 10.2.1.2: the
 * actions of anyone with administrative access; 10.2.1.5: changes to credentials). Before a
 * command touches a stage, one line naming the operator's AWS identity, the command and its
 * arguments is written to the stage's ops log group; a command whose line cannot be written
 * refuses to act. The use cases' own audit lines (what was done) and the command's outcome
 * follow into the same stream when the command ends. Every line also goes to stderr, as before.
 */
import { CloudWatchLogsClient, CreateLogStreamCommand, PutLogEventsCommand } from '@aws-sdk/client-cloudwatch-logs';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { randomUUID } from 'node:crypto';
import type { StructuredLogger } from '../lambdas/adapters/audit-logger';
import { maskEmail } from '../lambdas/domain/mask-email';
import type { Target } from './target';

/** The command line as run: the command and its arguments (an email among them is masked). */
export interface Invocation {
  command: string;
  args: readonly string[];
}

/** Who runs the command: the name they go by, and what AWS knows them as. */
export interface Operator {
  name: string;
  /** The caller's ARN on a stage; `local:<name>` on the local stack. */
  identity: string;
}

/** The trail could not be written: nothing was done. */
export class AuditTrailUnavailableError extends Error {}

const EMAIL = /^[^\s@]+@[^\s@]+$/;

/** What an operator's identity is on a target: STS on a stage (no permission needed), the name locally. */
export async function operatorOf(target: Target, name: string): Promise<Operator> {
  if (target.name === 'local') return { name, identity: `local:${name}` };
  const caller = await new STSClient({ region: target.region }).send(new GetCallerIdentityCommand({})).catch((error: Error) => {
    throw new AuditTrailUnavailableError(
      `refused: the operator's AWS identity could not be read (${error.name}: ${error.message}); nothing was done.`,
    );
  });
  return { name, identity: caller.Arn ?? 'unknown' };
}

export class OpsAuditTrail implements StructuredLogger {
  private readonly pending: { timestamp: number; message: string }[] = [];

  private constructor(
    private readonly client: CloudWatchLogsClient,
    private readonly logGroupName: string,
    private readonly logStreamName: string,
    private readonly operator: Operator,
    private readonly echo: (line: string) => void,
  ) {}

  /**
   * Opens a stream of its own for this run and writes the first line, before anything is done.
   * Fails with AuditTrailUnavailableError, naming the log group and the reason, when it cannot.
   */
  static async open(target: Target, invocation: Invocation, operator: Operator, echo: (line: string) => void): Promise<OpsAuditTrail> {
    const client = new CloudWatchLogsClient({ region: target.region, maxAttempts: 2 });
    const stream = `${new Date().toISOString().slice(0, 10)}/${operator.name.replace(/[:*]/g, '_')}/${randomUUID()}`;
    const trail = new OpsAuditTrail(client, target.opsAuditLogGroup, stream, operator, echo);
    try {
      await client.send(new CreateLogStreamCommand({ logGroupName: target.opsAuditLogGroup, logStreamName: stream }));
      trail.info('ops.command', {
        audit: true,
        event: 'ops.command',
        outcome: 'started',
        command: invocation.command,
        args: invocation.args.map((arg) => (EMAIL.test(arg) ? maskEmail(arg) : arg)),
        stage: target.name,
      });
      await trail.flush();
    } catch (error) {
      throw new AuditTrailUnavailableError(
        `refused: the audit line could not be written to ${target.opsAuditLogGroup} (${(error as Error).name}: ${(error as Error).message}); nothing was done.`,
      );
    }
    return trail;
  }

  /** One audit line: on stderr at once, to the log group with the next flush. */
  info(message: string, ...extra: Record<string, unknown>[]): void {
    const line = JSON.stringify(
      Object.assign(
        {
          level: 'INFO',
          message,
          timestamp: new Date().toISOString(),
          service: 'customer-support-web-ops',
          operator: this.operator.name,
          operatorIdentity: this.operator.identity,
        },
        ...extra,
      ),
    );
    this.echo(line);
    this.pending.push({ timestamp: Date.now(), message: line });
  }

  /** The command's end: its outcome, then every line not yet written. */
  async close(outcome: 'success' | 'failure', reason?: string): Promise<void> {
    this.info('ops.command', { audit: true, event: 'ops.command', outcome, ...(reason && { reason }) });
    await this.flush();
  }

  private async flush(): Promise<void> {
    const logEvents = this.pending.splice(0);
    if (logEvents.length === 0) return;
    await this.client.send(new PutLogEventsCommand({ logGroupName: this.logGroupName, logStreamName: this.logStreamName, logEvents }));
  }
}
