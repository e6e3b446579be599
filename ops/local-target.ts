import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { SecretSource } from '../lambdas/adapters/secret-value';
import type { TableKey } from '../lambdas/resources/table-definitions';

/** The git-ignored folder of local state: the emulators' files, the letters printed locally. */
export const LOCAL_DIR = join(resolve(__dirname, '..'), '.local');

/**
 * Where the `npm start` serving the site on `port` tells the ops command how to reach it, while
 * it runs: one file per port, so stacks side by side never mix. `LOCAL_TARGET_FILE` overrides it.
 */
export function localTargetFile(port: number, env: NodeJS.ProcessEnv = process.env): string {
  return env.LOCAL_TARGET_FILE || join(LOCAL_DIR, `target-${port}.json`);
}

const TARGET_FILE_NAME = /^target-(\d+)\.json$/;

/** A file left by a start that was killed names a process that is gone. */
function isRunning(pid: unknown): boolean {
  if (typeof pid !== 'number') return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readTarget(file: string): LocalTarget | undefined {
  try {
    const target = JSON.parse(readFileSync(file, 'utf8')) as LocalTarget;
    return isRunning(target.pid) ? target : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The local stack the ops command works on: `LOCAL_TARGET_FILE`, else the one on port
 * `OPS_LOCAL_PORT` (or `PORT`, as `npm start` read it), else the only one running. A problem is
 * the sentence that tells the operator what to do.
 */
export function findLocalTarget(
  env: NodeJS.ProcessEnv = process.env,
  dir = LOCAL_DIR,
): { target: LocalTarget; problem?: undefined } | { target?: undefined; problem: string } {
  if (env.LOCAL_TARGET_FILE) {
    const target = readTarget(env.LOCAL_TARGET_FILE);
    return target ? { target } : { problem: 'No local stack is running: start it with `npm start` first.' };
  }
  const chosen = env.OPS_LOCAL_PORT || env.PORT;
  if (chosen) {
    const target = /^\d+$/.test(chosen) ? readTarget(join(dir, `target-${Number(chosen)}.json`)) : undefined;
    const variable = env.OPS_LOCAL_PORT ? 'OPS_LOCAL_PORT' : 'PORT';
    return target
      ? { target }
      : { problem: `No local stack is running on port ${chosen} (${variable}): start it with \`PORT=${chosen} npm start\` first.` };
  }
  let names: string[] = [];
  try {
    names = readdirSync(dir);
  } catch {
    // no local folder yet: nothing has ever started
  }
  const running = names
    .map((name) => ({ port: Number(TARGET_FILE_NAME.exec(name)?.[1]), name }))
    .filter(({ port }) => Number.isInteger(port))
    .map(({ port, name }) => ({ port, target: readTarget(join(dir, name)) }))
    .filter((found): found is { port: number; target: LocalTarget } => found.target !== undefined)
    .sort((a, b) => a.port - b.port);
  if (running.length === 1) return { target: running[0]!.target };
  if (running.length === 0) return { problem: 'No local stack is running: start it with `npm start` first.' };
  const ports = running.map(({ port }) => port);
  return {
    problem: `${ports.length} local stacks are running (ports ${ports.join(', ')}): choose one with OPS_LOCAL_PORT, e.g. \`OPS_LOCAL_PORT=${ports[0]} npm run --silent ops -- …\`.`,
  };
}

/** How the ops command and tests reach a local stack: the same shape a deployed stage resolves to. */
export interface LocalTarget {
  tables: Record<TableKey, string>;
  userPoolId: string;
  userPoolClientId: string;
  region: string;
  /** Seals initial passwords until their letter is printed (on AWS: a Secrets Manager secret). */
  letterKey: SecretSource;
  endpoints: { dynamodb: string; ses: string; cognito: string; logs: string };
  /** Where ops commands write their audit trail (on AWS: the data stack's ops log group). */
  opsAuditLogGroup: string;
  siteUrl: string;
  /** The local sender and contact, so `ops inactive --run` mails as the handlers do. */
  mail?: { fromAddress: string; supportContactEmail: string };
  /** The process serving it, in the file `npm start` writes (a file left by a killed start is ignored). */
  pid?: number;
}

/** The SDK's standard variables: clients built after this talk to the emulators, with no code change. */
export function pointSdkAt(target: Pick<LocalTarget, 'region' | 'endpoints'>): void {
  Object.assign(process.env, {
    AWS_REGION: target.region,
    AWS_ACCESS_KEY_ID: 'local',
    AWS_SECRET_ACCESS_KEY: 'local',
    AWS_ENDPOINT_URL_DYNAMODB: target.endpoints.dynamodb,
    AWS_ENDPOINT_URL_SESV2: target.endpoints.ses,
    AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER: target.endpoints.cognito,
    AWS_ENDPOINT_URL_CLOUDWATCH_LOGS: target.endpoints.logs,
  });
}
