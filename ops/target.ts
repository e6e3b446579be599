import { readFileSync } from 'node:fs';
import { LOCAL_TARGET_FILE, pointSdkAt, type LocalTarget } from '../local/stack';

/** What an ops command works on: the tables and user pool of one stack. */
export interface Target {
  name: string;
  region: string;
  tables: LocalTarget['tables'];
  userPoolId: string;
}

export class TargetError extends Error {}

/**
 * The local stack of a running `npm start` by default. A deployed stage (`--stage`) will resolve
 * to the same shape from its stack outputs, with credentials from the usual AWS chain.
 */
export function resolveTarget(stage: string | undefined): Target {
  if (stage) throw new TargetError(`--stage ${stage}: deployed stages are not supported by this version of ops yet.`);
  let local: LocalTarget;
  try {
    local = JSON.parse(readFileSync(LOCAL_TARGET_FILE, 'utf8'));
  } catch {
    throw new TargetError('No local stack is running: start it with `npm start` first.');
  }
  pointSdkAt(local.endpoints);
  return { name: 'local', region: local.region, tables: local.tables, userPoolId: local.userPoolId };
}
