/**
 * The ops command's audit trail in CloudWatch Logs (here the local stack's stand-in, through the
 * real SDK client): the first line is written before the command acts and names the operator;
 * the use case's lines and the outcome follow; without the log group the command refuses and
 * nothing changes. Ports 3222 / 18222.
 */
import {
  CloudWatchLogsClient,
  CreateLogGroupCommand,
  DeleteLogGroupCommand,
  DescribeLogStreamsCommand,
  GetLogEventsCommand,
} from '@aws-sdk/client-cloudwatch-logs';
import { startLocalStack, type LocalStack } from '../support/local-stack';
import { scratchDir } from '../support/scratch-dir';
import { runOps } from './support/ops-cli';

const workDir = scratchDir('ops-audit-trail-');
const targetFile = workDir.path('target.json');
let stack: LocalStack;
let logs: CloudWatchLogsClient;

jest.setTimeout(60_000);

beforeAll(async () => {
  stack = await startLocalStack({ port: 3222, mailboxPort: 18222, publishTarget: targetFile, env: { POWERTOOLS_LOG_LEVEL: 'SILENT' } });
  logs = new CloudWatchLogsClient({ endpoint: stack.target.endpoints.logs, region: stack.target.region });
});
afterAll(async () => {
  await stack?.stop();
  workDir.remove();
});

const ops = (...args: string[]) =>
  runOps(args, { LOCAL_TARGET_FILE: targetFile, OPS_OPERATOR: 'ops.suzuki', POWERTOOLS_LOG_LEVEL: 'SILENT' });
const group = () => stack.target.opsAuditLogGroup;

/** Every line of the ops log group, stream by stream, as JSON. */
async function trail(): Promise<Record<string, unknown>[][]> {
  const { logStreams = [] } = await logs.send(new DescribeLogStreamsCommand({ logGroupName: group() }));
  const streams = [];
  for (const { logStreamName } of logStreams) {
    const { events = [] } = await logs.send(new GetLogEventsCommand({ logGroupName: group(), logStreamName, startFromHead: true }));
    streams.push(events.map((event) => JSON.parse(event.message!)));
  }
  return streams;
}

describe('the ops audit trail', () => {
  it('opens with the command and the operator before acting, then what was done and the outcome', async () => {
    // Act
    const created = await ops('create-account', 'TRAIL-0001', '--json');

    // Assess
    expect(created.status).toBe(0);
    const stream = (await trail()).find((lines) => lines.some((line) => line.loginId === 'TRAIL-0001'))!;
    expect(stream.map((line) => `${line.event}:${line.outcome}`)).toEqual([
      'ops.command:started',
      'account.created:success',
      'ops.command:success',
    ]);
    expect(stream[0]).toMatchObject({
      audit: true,
      command: 'create-account',
      args: ['TRAIL-0001', '--json'],
      stage: 'local',
      operator: 'ops.suzuki',
      operatorIdentity: 'local:ops.suzuki',
      timestamp: expect.any(String),
    });
    for (const line of stream) expect(line).toMatchObject({ operator: 'ops.suzuki', operatorIdentity: 'local:ops.suzuki' });
    // No secret: the initial password the command printed is in no line of the trail.
    const { initialPassword } = JSON.parse(created.stdout);
    expect(JSON.stringify(stream)).not.toContain(initialPassword);
  });

  it('records a refusal of the use case as the command’s failure, reason and all', async () => {
    // Act
    const refused = await ops('enable', 'TRAIL-0001', '--reason', 'ticket 42');

    // Assess
    expect(refused.status).toBe(1);
    const stream = (await trail()).find((lines) => lines[0]?.command === 'enable')!;
    expect(stream[0]).toMatchObject({ event: 'ops.command', outcome: 'started', args: ['TRAIL-0001', '--reason', 'ticket 42'] });
    expect(stream.at(-1)).toMatchObject({ event: 'ops.command', outcome: 'failure', reason: expect.stringContaining('TRAIL-0001') });
  });

  it('masks an email given as an argument', async () => {
    await ops('status', 'hanako@example.jp');
    const stream = (await trail()).find((lines) => lines[0]?.command === 'status')!;
    expect(stream[0]!.args).toEqual(['h***@example.jp']);
  });

  it('refuses to act when its first line cannot be written, and changes nothing', async () => {
    // Prepare: the log group is gone (deleted by someone, or never deployed).
    await logs.send(new DeleteLogGroupCommand({ logGroupName: group() }));
    try {
      // Act
      const refused = await ops('create-account', 'TRAIL-0002', '--json');

      // Assess
      expect(refused.status).toBe(1);
      expect(refused.stdout).toBe('');
      expect(refused.stderr).toContain(`ops: refused: the audit line could not be written to ${group()}`);
      expect(refused.stderr).toContain('nothing was done');
      expect(refused.stderr).not.toMatch(/^\s+at .+[:(]/m);
    } finally {
      await logs.send(new CreateLogGroupCommand({ logGroupName: group() }));
    }
    const status = await ops('status', 'TRAIL-0002', '--json');
    expect(status.status).toBe(1);
    expect(status.stderr).toContain('TRAIL-0002');
  });
});
