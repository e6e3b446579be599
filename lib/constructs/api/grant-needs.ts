import type { IGrantable } from 'aws-cdk-lib/aws-iam';
import type { DataResources } from '../../data-resources';
import type { TableKey } from '../../table-definitions';
import type { HandlerNeeds } from './handler-needs';

/** Turns a handler's needs into IAM grants on the stateful resources. */
export function grantNeeds(grantee: IGrantable, needs: HandlerNeeds, data: DataResources): void {
  for (const [key, access] of Object.entries(needs.tables) as [TableKey, 'read' | 'readWrite'][]) {
    const table = data.tables[key];
    if (access === 'read') table.grantReadData(grantee);
    else table.grantReadWriteData(grantee);
  }
  if (needs.userPoolActions?.length) {
    data.userPool.grant(grantee, ...needs.userPoolActions.map((action) => `cognito-idp:${action}`));
  }
  if (needs.sendMail) data.mailIdentity.grantSendEmail(grantee);
  if (needs.passcodeKey) data.passcodeKey.grantRead(grantee);
}
