import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { ScanCommand, UpdateCommand, DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { fork } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { join, resolve } from 'node:path';
import { handlerEnvironment } from '../lambdas/composition/environment';
import { tableDefinitions } from '../lambdas/resources/table-definitions';
import { provisionAccount } from '../ops/create-account';
import { LOCAL_DIR, pointSdkAt, type LocalTarget } from '../ops/local-target';
import { buildSite } from '../static-site/build';
import { createDevServer } from './dev-server';
import type { EmulatorPorts } from './emulators';
import { provisionLocalResources } from './provision';

const REPO_ROOT = resolve(__dirname, '..');

export interface LocalStackOptions {
  port?: number;
  /** The SES emulator's port: its mailbox viewer and `GET /store`. */
  mailboxPort?: number;
  /** Only the mailbox has a fixed port by default; the others take any free one. */
  dynamodbPort?: number;
  cognitoPort?: number;
  /** Overrides of the handlers' configuration (e.g. a shorter validity). */
  env?: Record<string, string>;
  /** Where to tell the ops command how to reach this stack (`npm start`: LOCAL_TARGET_FILE). */
  publishTarget?: string;
}

export interface LocalStack {
  siteUrl: string;
  mailboxUrl: string;
  target: LocalTarget;
  /** Provisions an account as ops would (a generated login ID when none is given). */
  createAccount(loginId?: string): Promise<{ loginId: string; initialPassword: string }>;
  /** Moves every pending request's expiry into the past, as if 24 hours had gone by. */
  expireRequests(): Promise<void>;
  /** Moves every session's last activity `minutes` into the past, as if the merchant had left. */
  ageSessions(minutes: number): Promise<void>;
  stop(): Promise<void>;
}

const REGION = 'ap-northeast-1';

function startEmulatorProcess(ports: EmulatorPorts, stateDir: string) {
  const child = fork(join(__dirname, 'emulator-process.ts'), [JSON.stringify(ports)], {
    cwd: stateDir,
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'pipe', 'inherit', 'ipc'],
    env: { ...process.env, NODE_NO_WARNINGS: '1' },
  });
  const ready = new Promise<LocalTarget['endpoints']>((resolveReady, reject) => {
    let buffered = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      buffered += chunk.toString();
      const line = buffered.split('\n').find((l) => l.startsWith('{'));
      if (line) resolveReady(JSON.parse(line).endpoints);
    });
    child.once('exit', (code) => reject(new Error(`the emulators exited (code ${code}); is a port in use?`)));
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
    server.once('error', fail);
    server.listen(port, '127.0.0.1', () => ok());
  });
}

/**
 * The whole product on this machine: emulators, the same tables and user pool as on AWS, the
 * built site and the real handlers on one origin. State is fresh on every start.
 */
export async function startLocalStack(options: LocalStackOptions = {}): Promise<LocalStack> {
  const port = options.port ?? 3000;
  const ports: EmulatorPorts = {
    dynamodb: options.dynamodbPort ?? 0,
    ses: options.mailboxPort ?? 8005,
    cognito: options.cognitoPort ?? 0,
  };
  const stateDir = join(LOCAL_DIR, `state-${port}`);
  rmSync(stateDir, { recursive: true, force: true });
  mkdirSync(stateDir, { recursive: true });

  const emulators = startEmulatorProcess(ports, stateDir);
  const [endpoints] = await Promise.all([emulators.ready, buildSite()]).catch(async (error) => {
    await emulators.stop();
    throw error;
  });
  pointSdkAt({ region: REGION, endpoints });
  const dynamodb = new DynamoDBClient({});
  const resources = await provisionLocalResources({ dynamodb, cognito: new CognitoIdentityProviderClient({}) });
  const siteUrl = `http://localhost:${port}`;

  Object.assign(
    process.env,
    handlerEnvironment({
      stage: 'local',
      siteUrl,
      tables: resources.tables,
      userPool: { id: resources.userPoolId, clientId: resources.userPoolClientId },
      mail: { fromAddress: 'operation@mail.example.com' },
      wording: { supportContactEmail: 'support@example.com' },
      secrets: { passcodeKey: { value: randomBytes(32).toString('base64url') } },
    }),
    { POWERTOOLS_LOG_LEVEL: process.env.POWERTOOLS_LOG_LEVEL ?? 'INFO' },
    options.env,
  );

  const server = createDevServer(join(REPO_ROOT, 'static-site', 'dist'));
  await listen(server, port).catch(async (error) => {
    await emulators.stop();
    throw error;
  });

  const target: LocalTarget = {
    ...resources,
    region: REGION,
    endpoints,
    siteUrl,
    letterKey: { value: randomBytes(32).toString('base64url') },
  };
  if (options.publishTarget) writeFileSync(options.publishTarget, JSON.stringify(target, null, 2));

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
    mailboxUrl: endpoints.ses.replace('127.0.0.1', 'localhost'),
    target,
    createAccount: (loginId = `M${randomBytes(5).toString('hex').toUpperCase()}`) =>
      provisionAccount(loginId, { name: 'local', ...target }),
    expireRequests: () =>
      rewriteAll(resources.tables.requests, tableDefinitions.requests.partitionKey, () => ({
        expiresAt: new Date(Date.now() - 60_000).toISOString(),
      })),
    ageSessions: (minutes) =>
      rewriteAll(resources.tables.sessions, tableDefinitions.sessions.partitionKey, (item) => ({
        lastSeenAt: new Date(new Date(item.lastSeenAt).getTime() - minutes * 60_000).toISOString(),
      })),
    async stop() {
      server.closeAllConnections();
      await new Promise<void>((done) => server.close(() => done()));
      await emulators.stop();
      if (options.publishTarget) rmSync(options.publishTarget, { force: true });
      rmSync(stateDir, { recursive: true, force: true });
    },
  };
}
