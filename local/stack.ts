import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { ScanCommand, UpdateCommand, DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { fork } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { join, resolve } from 'node:path';
import { tableDefinitions } from '../lambdas/resources/table-definitions';
import { buildSite } from '../static-site/build';
import { provisionAccount } from '../ops/create-account';
import { createDevServer } from './dev-server';
import type { EmulatorPorts } from './emulators';
import { provisionLocalResources, type LocalResources } from './provision';

export const REPO_ROOT = resolve(__dirname, '..');
export const LOCAL_DIR = join(REPO_ROOT, '.local');
/** Where a running `npm start` tells the ops command how to reach it (tests point it elsewhere). */
export const LOCAL_TARGET_FILE = process.env.LOCAL_TARGET_FILE ?? join(LOCAL_DIR, 'target.json');

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

/** How the ops command and tests reach a local stack: the same shape a deployed stage resolves to. */
export interface LocalTarget extends LocalResources {
  region: string;
  /** Seals initial passwords until their letter is printed (on AWS: a Secrets Manager secret). */
  letterKey: string;
  endpoints: { dynamodb: string; ses: string; cognito: string };
  siteUrl: string;
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

/** The SDK's standard variables: clients built after this talk to the emulators, with no code change. */
export function pointSdkAt(endpoints: LocalTarget['endpoints']): void {
  Object.assign(process.env, {
    AWS_REGION: REGION,
    AWS_ACCESS_KEY_ID: 'local',
    AWS_SECRET_ACCESS_KEY: 'local',
    AWS_ENDPOINT_URL_DYNAMODB: endpoints.dynamodb,
    AWS_ENDPOINT_URL_SESV2: endpoints.ses,
    AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER: endpoints.cognito,
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
    AWS_SDK_JS_SUPPRESS_MAINTENANCE_MODE_MESSAGE: '1',
  });
}

function startEmulatorProcess(ports: EmulatorPorts, stateDir: string) {
  const child = fork(join(__dirname, 'emulator-process.ts'), [JSON.stringify(ports)], {
    cwd: stateDir,
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'pipe', 'inherit', 'ipc'],
    env: { ...process.env, AWS_SDK_JS_SUPPRESS_MAINTENANCE_MODE_MESSAGE: '1', NODE_NO_WARNINGS: '1' },
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
  pointSdkAt(endpoints);
  const dynamodb = new DynamoDBClient({});
  const resources = await provisionLocalResources({ dynamodb, cognito: new CognitoIdentityProviderClient({}) });
  const siteUrl = `http://localhost:${port}`;

  Object.assign(process.env, {
    STAGE: 'local',
    SITE_URL: siteUrl,
    MAIL_FROM_ADDRESS: 'operation@mail.example.com',
    SUPPORT_CONTACT_EMAIL: 'support@example.com',
    ACCOUNTS_TABLE: resources.tables.accounts,
    REQUESTS_TABLE: resources.tables.requests,
    SESSIONS_TABLE: resources.tables.sessions,
    LIMITS_TABLE: resources.tables.limits,
    USER_POOL_ID: resources.userPoolId,
    USER_POOL_CLIENT_ID: resources.userPoolClientId,
    PASSCODE_KEY: randomBytes(32).toString('base64url'),
    POWERTOOLS_LOG_LEVEL: process.env.POWERTOOLS_LOG_LEVEL ?? 'INFO',
    ...options.env,
  });

  const server = createDevServer(join(REPO_ROOT, 'static-site', 'dist'));
  await listen(server, port).catch(async (error) => {
    await emulators.stop();
    throw error;
  });

  const target: LocalTarget = { ...resources, region: REGION, endpoints, siteUrl, letterKey: randomBytes(32).toString('base64url') };
  if (options.publishTarget) writeFileSync(options.publishTarget, JSON.stringify(target, null, 2));

  const documents = DynamoDBDocumentClient.from(dynamodb);
  /** Test time travel: sets `changes(item)` on every item of a table. */
  async function rewriteAll(table: string, key: string, changes: (item: Record<string, any>) => Record<string, string>) {
    const { Items = [] } = await documents.send(new ScanCommand({ TableName: table }));
    for (const item of Items) {
      const values = changes(item);
      await documents.send(
        new UpdateCommand({
          TableName: table,
          Key: { [key]: item[key] },
          UpdateExpression: `SET ${Object.keys(values).map((name) => `${name} = :${name}`).join(', ')}`,
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
