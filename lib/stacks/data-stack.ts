import { CfnOutput, Stack, type StackProps } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import { LetterKey } from '../constructs/letter-key';
import { MailSender } from '../constructs/mail';
import { OpsNotifications } from '../constructs/ops-notifications';
import { PasscodeKey } from '../constructs/passcode-key';
import { TotpKey } from '../constructs/totp-key';
import { Tables } from '../constructs/tables';
import { MerchantUserPool } from '../constructs/user-pool';
import type { DataResources } from '../data-resources';
import { tableOutputName } from '../stack-names';
import type { StageConfig } from '../stage-config';

export interface DataStackProps extends StackProps {
  readonly config: StageConfig;
}

/**
 * Everything stateful: tables, users, the sender identity, the passcode and letter keys, and the ops
 * topic (whose confirmed email subscription should outlive redeploys). Kept apart from the
 * functions and the site so those can be replaced or redeployed freely without touching data.
 */
export class DataStack extends Stack {
  readonly resources: DataResources;

  constructor(scope: Construct, id: string, props: DataStackProps) {
    super(scope, id, props);
    const { config } = props;
    const tables = new Tables(this, 'Tables', { deletionProtection: config.deletionProtection }).byKey;
    const users = new MerchantUserPool(this, 'Users', {
      deletionProtection: config.deletionProtection,
      featurePlan: config.cognitoFeaturePlan,
      threatProtection: config.cognitoThreatProtection,
    });
    const ops = new OpsNotifications(this, 'Ops', { email: config.alarmEmail });
    const mail = new MailSender(this, 'Mail', {
      fromAddress: config.mailFromAddress,
      identityDomain: config.mailIdentityDomain,
      opsTopic: ops.topic,
    });
    const passcodeKey = new PasscodeKey(this, 'PasscodeKey').secret;
    const totpKey = new TotpKey(this, 'TotpKey').secret;
    // Read by the ops command only (with the operator's credentials), never by a function.
    const letterKey = new LetterKey(this, 'LetterKey').secret;
    this.resources = {
      tables,
      userPool: users.userPool,
      userPoolClient: users.client,
      mailIdentity: mail.identity,
      mailConfigurationSet: mail.configurationSet,
      passcodeKey,
      totpKey,
      opsTopic: ops.topic,
    };

    // For the ops CLI and for running handlers against this stage.
    for (const [key, table] of Object.entries(tables)) new CfnOutput(this, tableOutputName(key), { value: table.tableName });
    new CfnOutput(this, 'UserPoolId', { value: users.userPool.userPoolId });
    new CfnOutput(this, 'UserPoolClientId', { value: users.client.userPoolClientId });
    new CfnOutput(this, 'PasscodeKeySecretArn', { value: passcodeKey.secretArn });
    new CfnOutput(this, 'LetterKeySecretArn', { value: letterKey.secretArn });
    new CfnOutput(this, 'MailConfigurationSetName', { value: mail.configurationSet.configurationSetName });
    new CfnOutput(this, 'OpsTopicArn', { value: ops.topic.topicArn });
  }
}
