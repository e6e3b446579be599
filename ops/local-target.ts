import { join, resolve } from 'node:path';
import type { SecretSource } from '../lambdas/adapters/secret-value';
import type { TableKey } from '../lambdas/resources/table-definitions';

/** The git-ignored folder of local state: the emulators' files, the letters printed locally. */
export const LOCAL_DIR = join(resolve(__dirname, '..'), '.local');
/** Where a running `npm start` tells the ops command how to reach it (tests point it elsewhere). */
export const LOCAL_TARGET_FILE = process.env.LOCAL_TARGET_FILE ?? join(LOCAL_DIR, 'target.json');

/** How the ops command and tests reach a local stack: the same shape a deployed stage resolves to. */
export interface LocalTarget {
  tables: Record<TableKey, string>;
  userPoolId: string;
  userPoolClientId: string;
  region: string;
  /** Seals initial passwords until their letter is printed (on AWS: a Secrets Manager secret). */
  letterKey: SecretSource;
  endpoints: { dynamodb: string; ses: string; cognito: string };
  siteUrl: string;
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
  });
}
