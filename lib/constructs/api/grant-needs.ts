import { ArnFormat, Stack } from 'aws-cdk-lib';
import { PolicyStatement, type IGrantable } from 'aws-cdk-lib/aws-iam';
import type { ISecret } from 'aws-cdk-lib/aws-secretsmanager';
import type { IConstruct } from 'constructs';
import type { DataResources } from '../../data-resources';
import { tableDefinitions, type TableDefinition, type TableKey } from '../../../lambdas/resources/table-definitions';
import type { HandlerNeeds, TableAccess } from './handler-needs';

/**
 * The DynamoDB actions behind the commands the adapters send (Get, Query, Put, Update, Delete:
 * single-item writes, no batches, scans or transactions). Narrower than CDK's grantReadData /
 * grantReadWriteData, which add Scan, batch and stream actions no handler uses.
 */
export const TABLE_ACTIONS: Record<TableAccess, readonly string[]> = {
  read: ['dynamodb:GetItem', 'dynamodb:Query'],
  readWrite: ['dynamodb:GetItem', 'dynamodb:Query', 'dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem'],
};

export interface SharedGrants {
  /** The secret CloudFront sends to the API; every handler checks it. */
  readonly originVerifySecret: ISecret;
}

/** Turns a handler's needs into IAM grants on the stateful resources, naming each resource. */
export function grantNeeds(grantee: IGrantable & IConstruct, needs: HandlerNeeds, data: DataResources, shared: SharedGrants): void {
  for (const [key, access] of Object.entries(needs.tables) as [TableKey, TableAccess][]) {
    const table = data.tables[key];
    const definition: TableDefinition = tableDefinitions[key];
    // Each index by name, rather than CDK's `<table>/index/*`.
    const indexes = (definition.indexes ?? []).map((index) => `${table.tableArn}/index/${index.name}`);
    grantee.grantPrincipal.addToPrincipalPolicy(
      new PolicyStatement({ actions: [...TABLE_ACTIONS[access]], resources: [table.tableArn, ...indexes] }),
    );
  }
  if (needs.userPoolActions?.length) {
    data.userPool.grant(grantee, ...needs.userPoolActions.map((action) => `cognito-idp:${action}`));
  }
  if (needs.sendMail) {
    // SES v2 authorizes a send against the identity and against the configuration set it names.
    const configurationSetArn = Stack.of(grantee).formatArn({
      service: 'ses',
      resource: 'configuration-set',
      resourceName: data.mailConfigurationSet.configurationSetName,
      arnFormat: ArnFormat.SLASH_RESOURCE_NAME,
    });
    grantee.grantPrincipal.addToPrincipalPolicy(
      new PolicyStatement({
        actions: ['ses:SendEmail'],
        resources: [data.mailIdentity.emailIdentityArn, configurationSetArn],
      }),
    );
  }
  if (needs.passcodeKey) data.passcodeKey.grantRead(grantee);
  shared.originVerifySecret.grantRead(grantee);
}
