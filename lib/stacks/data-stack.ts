import { CfnOutput, RemovalPolicy, Stack, type StackProps } from 'aws-cdk-lib';
import { LogGroup, type RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';
import { GeneratedKey } from '../constructs/generated-key';
import { MailSender } from '../constructs/mail';
import { OpsNotifications } from '../constructs/ops-notifications';
import { Tables } from '../constructs/tables';
import { MerchantUserPool } from '../constructs/user-pool';
import type { DataResources } from '../data-resources';
import { OPS_AUDIT_LOG_GROUP_OUTPUT, opsAuditLogGroupName, tableOutputName } from '../stack-names';
import type { StageConfig } from '../stage-config';

export interface DataStackProps extends StackProps {
  readonly stage: string;
  readonly config: StageConfig;
}

/**
 * Everything stateful: tables, users, the sender identity, the passcode, TOTP and letter keys, the ops
 * command's audit log group, and the ops topic (whose confirmed email subscription should outlive redeploys). Kept apart from the
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
    /**
     * The key of the passcodes' keyed hash. Replacing it only voids pending passcodes, but losing
     * it by accident should not happen.
     */
    const passcodeKey = new GeneratedKey(this, 'PasscodeKey', {
      description: 'Key of the passcode HMAC (お客様サポートWEB)',
      whyNotRotated:
        'A new key voids every pending passcode (valid 24 hours) and running functions keep the old one until their next cold start, so it is rotated by hand at a quiet hour (docs/deploy.md), not on a schedule.',
    }).secret;
    /**
     * The key that seals the authenticator apps' secrets and keys the recovery-code hashes. Read
     * only by the functions whose needs declare it. Losing it would void every authenticator app
     * and recovery code.
     */
    const totpKey = new GeneratedKey(this, 'TotpKey', {
      description: 'Key of the authenticator secrets and recovery codes (お客様サポートWEB)',
      whyNotRotated:
        'A new key would void every authenticator app and recovery code set up under the old one (merchants would have to set them up again), so it is never rotated on a schedule.',
    }).secret;
    /**
     * The ops letter key: seals each initial password (AES-256-GCM) in its account until its one
     * letter is produced (`ops letters`). Only the ops command reads it, with the operator's own
     * credentials: no function is granted it. Losing it would make every letter not yet printed
     * unprintable (each then needs `ops reissue`).
     */
    const letterKey = new GeneratedKey(this, 'LetterKey', {
      description: 'Ops letter key: seals initial passwords until their letter is printed (お客様サポートWEB)',
      whyNotRotated:
        'A new key makes every sealed initial password whose letter is not printed yet unreadable (each then needs ops reissue), so it is replaced by hand after printing all pending letters (docs/deploy.md), not on a schedule.',
    }).secret;
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
    // The ops command's audit trail: every command writes here before it acts (ops/audit-trail.ts).
    const opsAudit = new LogGroup(this, 'OpsAuditLogs', {
      logGroupName: opsAuditLogGroupName(props.stage),
      retention: config.logRetentionDays as RetentionDays,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    new CfnOutput(this, OPS_AUDIT_LOG_GROUP_OUTPUT, { value: opsAudit.logGroupName });
  }
}
