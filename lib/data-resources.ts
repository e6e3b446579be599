import type { IUserPool, IUserPoolClient } from 'aws-cdk-lib/aws-cognito';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import type { ISecret } from 'aws-cdk-lib/aws-secretsmanager';
import type { IEmailIdentity } from 'aws-cdk-lib/aws-ses';
import type { TableKey } from './table-definitions';

/** The stateful resources the stateless stack is given as props. */
export interface DataResources {
  readonly tables: Record<TableKey, ITable>;
  readonly userPool: IUserPool;
  readonly userPoolClient: IUserPoolClient;
  readonly mailIdentity: IEmailIdentity;
  readonly passcodeKey: ISecret;
}
