import { ArnFormat, Stack } from 'aws-cdk-lib';
import { PolicyStatement, type IGrantable } from 'aws-cdk-lib/aws-iam';
import type { ISecret } from 'aws-cdk-lib/aws-secretsmanager';
import type { IConstruct } from 'constructs';
import type { DataResources } from '../../data-resources';
import { tableDefinitions, type TableDefinition, type TableKey } from '../../../lambdas/resources/table-definitions';
import { TABLE_ACTIONS, type Needs, type TableAccess } from '../../../lambdas/composition/needs';

export interface SharedGrants {
  /** The secret CloudFront sends to the API; every handler checks it. */
  readonly originVerifySecret: ISecret;
}

/**
 * Turns a handler's declared needs (lambdas/composition/needs.ts, which its composition root
 * enforces too) into IAM grants on the stateful resources, naming each resource. `shared`: what
 * every API handler reads besides (a scheduled job, called by no one through CloudFront, has none).
 */
export function grantNeeds(grantee: IGrantable & IConstruct, needs: Needs, data: DataResources, shared?: SharedGrants): void {
  for (const [key, access] of Object.entries(needs.tables) as [TableKey, TableAccess][]) {
    const table = data.tables[key];
    const definition: TableDefinition = tableDefinitions[key];
    // Each index by name, rather than CDK's `<table>/index/*`.
    const indexes = (definition.indexes ?? []).map((index) => `${table.tableArn}/index/${index.name}`);
    grantee.grantPrincipal.addToPrincipalPolicy(
      new PolicyStatement({
        actions: TABLE_ACTIONS[access].map((action) => `dynamodb:${action}`),
        resources: [table.tableArn, ...indexes],
      }),
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
  if (needs.totpKey) data.totpKey.grantRead(grantee);
  shared?.originVerifySecret.grantRead(grantee);
}
