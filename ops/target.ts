import { CloudFormationClient, DescribeStacksCommand } from '@aws-sdk/client-cloudformation';
import type { SecretSource } from '../lambdas/adapters/secret-value';
import { tableDefinitions, type TableKey } from '../lambdas/resources/table-definitions';
import { dataStackName, OPS_AUDIT_LOG_GROUP_OUTPUT, tableOutputName, webStackName } from '../lib/stack-names';
import { findLocalTarget, pointSdkAt, type LocalTarget } from './local-target';

/** What an ops command works on: the tables and user pool of one stack. */
export interface Target {
  name: string;
  region?: string;
  tables: LocalTarget['tables'];
  userPoolId: string;
  /** The directory adapter takes it; ops commands only delete users (reset-registration). */
  userPoolClientId: string;
  /** The key that seals initial passwords until their letter is produced. */
  letterKey: SecretSource;
  /** The site's origin, printed on letters; a stage's from its web stack (undefined until that is deployed). */
  siteUrl?: string;
  /** The log group of the ops audit trail, written before every command acts. */
  opsAuditLogGroup: string;
  /** Local only: the sender and contact of the local stack's mails (a stage's scheduled job mails on AWS). */
  mail?: LocalTarget['mail'];
}

export class TargetError extends Error {}

function localTarget(): Target {
  const { target: local, problem } = findLocalTarget();
  if (!local) throw new TargetError(problem);
  pointSdkAt(local);
  return {
    name: 'local',
    region: local.region,
    tables: local.tables,
    userPoolId: local.userPoolId,
    userPoolClientId: local.userPoolClientId,
    letterKey: local.letterKey,
    siteUrl: local.siteUrl,
    mail: local.mail,
    opsAuditLogGroup: local.opsAuditLogGroup,
  };
}

/** A deployed stage, from its data stack's outputs; credentials and region from the usual AWS chain. */
async function deployedTarget(stage: string): Promise<Target> {
  const stackName = dataStackName(stage);
  const cloudFormation = new CloudFormationClient({});
  const { Stacks } = await cloudFormation.send(new DescribeStacksCommand({ StackName: stackName })).catch((error: Error) => {
    throw new TargetError(`Cannot read stack ${stackName}: ${error.message}`);
  });
  const outputs = Object.fromEntries((Stacks?.[0]?.Outputs ?? []).map((o) => [o.OutputKey, o.OutputValue]));
  const tableKeys = Object.keys(tableDefinitions) as TableKey[];
  const needed = [...tableKeys.map(tableOutputName), 'UserPoolId', 'UserPoolClientId', 'LetterKeySecretArn', OPS_AUDIT_LOG_GROUP_OUTPUT];
  const missing = needed.filter((key) => !outputs[key]);
  if (missing.length > 0) throw new TargetError(`Stack ${stackName} lacks the outputs ${missing.join(', ')}.`);
  return {
    name: stage,
    region: await cloudFormation.config.region(),
    tables: Object.fromEntries(tableKeys.map((key) => [key, outputs[tableOutputName(key)]!])) as Target['tables'],
    userPoolId: outputs.UserPoolId!,
    userPoolClientId: outputs.UserPoolClientId!,
    letterKey: { arn: outputs.LetterKeySecretArn },
    siteUrl: await siteUrlOf(cloudFormation, stage),
    opsAuditLogGroup: outputs[OPS_AUDIT_LOG_GROUP_OUTPUT]!,
  };
}

/** The web stack's SiteUrl output; undefined when the web stack cannot be read (not deployed yet). */
async function siteUrlOf(cloudFormation: CloudFormationClient, stage: string): Promise<string | undefined> {
  const web = await cloudFormation.send(new DescribeStacksCommand({ StackName: webStackName(stage) })).catch(() => undefined);
  return web?.Stacks?.[0]?.Outputs?.find((o) => o.OutputKey === 'SiteUrl')?.OutputValue;
}

/** The local stack of a running `npm start` by default, or a deployed stage with `--stage`. */
export function resolveTarget(stage: string | undefined): Promise<Target> {
  return stage ? deployedTarget(stage) : Promise.resolve(localTarget());
}
