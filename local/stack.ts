import { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';
import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { ScanCommand, UpdateCommand, DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { fork } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { join, resolve } from 'node:path';
import { handlerEnvironment } from '../lambdas/composition/environment';
import type { Session } from '../lambdas/domain/model';
import { tableDefinitions } from '../lambdas/resources/table-definitions';
import { provisionLocalAccount } from '../ops/create-account';
import { LOCAL_DIR, pointSdkAt, type LocalTarget } from '../ops/local-target';
import { buildSite } from '../static-site/build';
import { createDevServer } from './dev-server';
import { INBOX_PATH } from './mailbox/inbox-page';
import type { EmulatorPorts } from './emulators';
import { checkPortFree, isAddressInUse, PortInUseError } from './ports';
import { provisionLocalResources } from './provision';
import { LOCAL_SITE_FRAME_EXAMPLES } from './site-frame';
import { holdSitePort } from './starting-site';

const REPO_ROOT = resolve(__dirname, '..');

/** The local stack's sender and contact: the handlers' environment and, through the target file, ops. */
const LOCAL_MAIL = { fromAddress: 'operation@mail.example.com', supportContactEmail: 'support@example.com' };

export interface LocalStackOptions {
  port?: number;
  /** The SES emulator's port: its mailbox viewer and `GET /store`. */
  mailboxPort?: number;
  /** Only the mailbox has a fixed port by default; the others take any free one. */
  dynamodbPort?: number;
  cognitoPort?: number;
  /** Overrides of the handlers' configuration (e.g. a shorter validity). */
  env?: Record<string, string>;
  /** Where to tell the ops command how to reach this stack (`npm start`: `localTargetFile(port)`). */
  publishTarget?: string;
  /** Aborting it during the start (Ctrl-C) stops what has started and removes the state folder. */
  signal?: AbortSignal;
}

export interface LocalStack {
  siteUrl: string;
  /** The local mailbox page, on the site's own origin (`/_local/mailbox`, local mode only). */
  inboxUrl: string;
  /** The SES emulator's own viewer; `GET /store` there is every email as JSON. */
  mailboxUrl: string;
  target: LocalTarget;
  /** Provisions an account as ops would (a generated login ID when none is given). */
  createAccount(loginId?: string): Promise<{ loginId: string; initialPassword: string }>;
  /** Moves every pending request's expiry into the past, as if 24 hours had gone by. */
  expireRequests(): Promise<void>;
  /**
   * Moves every session's times (sign-in, last activity, last proof, end) `minutes` into the
   * past, as if the merchant had signed in and left that much earlier.
   */
  ageSessions(minutes: number): Promise<void>;
  stop(): Promise<void>;
}

const REGION = 'ap-northeast-1';

/** A session's times, all moved together by the time travel of the tests. */
const SESSION_TIMES = ['createdAt', 'lastSeenAt', 'provedAt', 'expiresAt'] as const satisfies readonly (keyof Session)[];

function startEmulatorProcess(ports: EmulatorPorts, stateDir: string) {
  const child = fork(join(__dirname, 'emulator-process.ts'), [JSON.stringify(ports)], {
    cwd: stateDir,
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'pipe', 'inherit', 'ipc'],
    env: { ...process.env, NODE_NO_WARNINGS: '1' },
  });
  const ready = new Promise<LocalTarget['endpoints']>((resolveReady, reject) => {
    let buffered = '';
    let portInUse: PortInUseError | undefined;
    child.stdout!.on('data', (chunk: Buffer) => {
      buffered += chunk.toString();
      const line = buffered.split('\n').find((l) => l.startsWith('{') && l.endsWith('}'));
      if (!line) return;
      const message = JSON.parse(line);
      if (message.portInUse) portInUse = new PortInUseError(message.portInUse.option, message.portInUse.port);
      else resolveReady(message.endpoints);
    });
    child.once('exit', (code, signal) => reject(portInUse ?? new Error(`the emulators stopped (${signal ?? `exit code ${code}`})`)));
  });
  const stop = () =>
    new Promise<void>((done) => {
      if (child.exitCode !== null) return done();
      child.once('exit', () => done());
      child.kill('SIGTERM');
    });
  return { ready, stop };
}

function listen(server: Server, port: number): Promise<void> {
  return new Promise((ok, fail) => {
    server.once('error', (error) => fail(isAddressInUse(error) ? new PortInUseError('port', port) : error));
    server.listen(port, '127.0.0.1', () => ok());
  });
}

class StartAborted extends Error {
  constructor() {
    super('the start was interrupted');
  }
}

/** `step`, unless `signal` is aborted first. */
function unlessAborted<T>(step: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return step;
  if (signal.aborted) return Promise.reject(new StartAborted());
  return new Promise((ok, fail) => {
    const onAbort = () => fail(new StartAborted());
    signal.addEventListener('abort', onAbort, { once: true });
    step.then(ok, fail).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

/** Whether `startLocalStack` failed because its signal was aborted. */
export const isStartAborted = (error: unknown) => error instanceof StartAborted;

/**
 * The whole product on this machine: emulators, the same tables and user pool as on AWS, the
 * built site and the real handlers on one origin. State is fresh on every start.
 */
export async function startLocalStack(options: LocalStackOptions = {}): Promise<LocalStack> {
  const { signal } = options;
  const port = options.port ?? 3000;
  const ports: EmulatorPorts = {
    dynamodb: options.dynamodbPort ?? 0,
    ses: options.mailboxPort ?? 8005,
    cognito: options.cognitoPort ?? 0,
  };
  const stateDir = join(LOCAL_DIR, `state-${port}`);
  /** What has been started so far, undone in reverse if the start fails or is interrupted. */
  const undo: (() => Promise<void> | void)[] = [];
  const undoAll = async () => {
    for (let step = undo.pop(); step; step = undo.pop()) await step();
  };

  try {
    // Every port is looked at before anything is touched: a second start on a taken port leaves
    // the first one's state alone. The site port stays held (answering 503) until the site takes it.
    const sitePort = await holdSitePort(port);
    undo.push(() => sitePort.release());
    await checkPortFree(ports.ses, 'mailboxPort');
    await checkPortFree(ports.dynamodb, 'dynamodbPort');
    await checkPortFree(ports.cognito, 'cognitoPort');
    signal?.throwIfAborted();

    rmSync(stateDir, { recursive: true, force: true });
    mkdirSync(stateDir, { recursive: true });
    undo.push(() => rmSync(stateDir, { recursive: true, force: true }));
    const emulators = startEmulatorProcess(ports, stateDir);
    undo.push(() => emulators.stop());

    const [endpoints] = await unlessAborted(Promise.all([emulators.ready, buildSite()]), signal);
    pointSdkAt({ region: REGION, endpoints });
    const dynamodb = new DynamoDBClient({});
    const resources = await unlessAborted(
      provisionLocalResources({ dynamodb, cognito: new CognitoIdentityProviderClient({}), logs: new CloudWatchLogsClient({}) }),
      signal,
    );
    const siteUrl = `http://localhost:${port}`;

    Object.assign(
      process.env,
      handlerEnvironment({
        stage: 'local',
        siteUrl,
        tables: resources.tables,
        userPool: { id: resources.userPoolId, clientId: resources.userPoolClientId },
        mail: { fromAddress: LOCAL_MAIL.fromAddress },
        wording: { supportContactEmail: LOCAL_MAIL.supportContactEmail },
        secrets: {
          passcodeKey: { value: randomBytes(32).toString('base64url') },
          totpKey: { value: randomBytes(32).toString('base64url') },
        },
        // Local mode asks for a second step only of merchants who set one up, unless told otherwise (options.env).
        rules: { MFA_POLICY: 'optional' },
      }),
      { POWERTOOLS_LOG_LEVEL: process.env.POWERTOOLS_LOG_LEVEL ?? 'INFO' },
      LOCAL_SITE_FRAME_EXAMPLES,
      options.env,
    );

    const server = createDevServer(join(REPO_ROOT, 'static-site', 'dist'), { inbox: { emulatorUrl: endpoints.ses, siteUrl } });
    await sitePort.release();
    await listen(server, port);
    undo.push(async () => {
      server.closeAllConnections();
      await new Promise<void>((done) => server.close(() => done()));
    });
    signal?.throwIfAborted();

    const target: LocalTarget = {
      ...resources,
      region: REGION,
      endpoints,
      siteUrl,
      letterKey: { value: randomBytes(32).toString('base64url') },
      mail: LOCAL_MAIL,
    };
    if (options.publishTarget) {
      const file = options.publishTarget;
      writeFileSync(file, JSON.stringify({ ...target, pid: process.pid }, null, 2));
      undo.push(() => rmSync(file, { force: true }));
    }
    return localStack({ siteUrl, endpoints, target, resources, dynamodb, stop: undoAll });
  } catch (error) {
    await undoAll();
    throw signal?.aborted ? new StartAborted() : error;
  }
}

function localStack({
  siteUrl,
  endpoints,
  target,
  resources,
  dynamodb,
  stop,
}: {
  siteUrl: string;
  endpoints: LocalTarget['endpoints'];
  target: LocalTarget;
  resources: Awaited<ReturnType<typeof provisionLocalResources>>;
  dynamodb: DynamoDBClient;
  stop: () => Promise<void>;
}): LocalStack {
  const documents = DynamoDBDocumentClient.from(dynamodb);
  /** Test time travel: sets `changes(item)` on every item of a table. */
  async function rewriteAll(table: string, key: string, changes: (item: Record<string, string>) => Record<string, string>) {
    const { Items = [] } = await documents.send(new ScanCommand({ TableName: table }));
    for (const item of Items as Record<string, string>[]) {
      const values = changes(item);
      await documents.send(
        new UpdateCommand({
          TableName: table,
          Key: { [key]: item[key] },
          UpdateExpression: `SET ${Object.keys(values)
            .map((name) => `${name} = :${name}`)
            .join(', ')}`,
          ExpressionAttributeValues: Object.fromEntries(Object.entries(values).map(([name, value]) => [`:${name}`, value])),
        }),
      );
    }
  }
  return {
    siteUrl,
    inboxUrl: `${siteUrl}${INBOX_PATH}`,
    mailboxUrl: endpoints.ses.replace('127.0.0.1', 'localhost'),
    target,
    createAccount: (loginId = `M${randomBytes(5).toString('hex').toUpperCase()}`) =>
      provisionLocalAccount(loginId, { name: 'local', ...target }),
    expireRequests: () =>
      rewriteAll(resources.tables.requests, tableDefinitions.requests.partitionKey, () => ({
        expiresAt: new Date(Date.now() - 60_000).toISOString(),
      })),
    ageSessions: (minutes) =>
      rewriteAll(resources.tables.sessions, tableDefinitions.sessions.partitionKey, (item) =>
        Object.fromEntries(
          SESSION_TIMES.filter((name) => item[name]).map((name) => [
            name,
            new Date(new Date(item[name]!).getTime() - minutes * 60_000).toISOString(),
          ]),
        ),
      ),
    stop,
  };
}
