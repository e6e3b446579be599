import type { IUserPool, IUserPoolClient } from 'aws-cdk-lib/aws-cognito';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import type { ISecret } from 'aws-cdk-lib/aws-secretsmanager';
import type { IConfigurationSet, IEmailIdentity } from 'aws-cdk-lib/aws-ses';
import type { ITopic } from 'aws-cdk-lib/aws-sns';
import type { TableKey } from '../lambdas/resources/table-definitions';

/** The stateful resources the stateless stack is given as props. */
export interface DataResources {
  readonly tables: Record<TableKey, ITable>;
  readonly userPool: IUserPool;
  readonly userPoolClient: IUserPoolClient;
  readonly mailIdentity: IEmailIdentity;
  /** Every product email is sent with it, so bounces and complaints reach ops. */
  readonly mailConfigurationSet: IConfigurationSet;
  readonly passcodeKey: ISecret;
  /** Authenticator secrets and recovery-code hashes: only the functions that declare it read it. */
  readonly totpKey: ISecret;
  /** Alarms, bounces and complaints for the ops team. */
  readonly opsTopic: ITopic;
}
