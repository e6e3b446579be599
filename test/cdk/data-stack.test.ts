import { Match, type Template } from 'aws-cdk-lib/assertions';
import { OPS_MAIL_EVENTS } from '../../lib/constructs/mail';
import { ACCOUNTS_BY_EMAIL_INDEX, TTL_ATTRIBUTE, tableDefinitions } from '../../lambdas/resources/table-definitions';
import { userPoolDefinition } from '../../lambdas/resources/user-pool-definition';
import { resourcesWithPrefix, synthStage } from './support/synth';

const dev = synthStage('dev').data;
const prod = synthStage('prod').data;

function tableWithKey(template: Template, partitionKey: string) {
  const tables = Object.values(
    template.findResources('AWS::DynamoDB::Table', {
      Properties: { KeySchema: [{ AttributeName: partitionKey, KeyType: 'HASH' }] },
    }),
  );
  expect(tables).toHaveLength(1);
  return tables[0];
}

describe('DynamoDB tables', () => {
  const keys = Object.values(tableDefinitions).map((t) => t.partitionKey);

  it.each(keys)('%s table: string key, on demand, point-in-time recovery, retained', (key) => {
    const table = tableWithKey(dev, key);
    expect(table.Properties).toMatchObject({
      AttributeDefinitions: expect.arrayContaining([{ AttributeName: key, AttributeType: 'S' }]),
      BillingMode: 'PAY_PER_REQUEST',
      PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
    });
    expect(table.DeletionPolicy).toBe('Retain');
    expect(table.UpdateReplacePolicy).toBe('Retain');
  });

  it('has exactly the tables of tableDefinitions', () => {
    dev.resourceCountIs('AWS::DynamoDB::Table', Object.keys(tableDefinitions).length);
    expect(keys).toEqual(['loginId', 'tokenHash', 'sessionIdHash', 'limitKey', 'factorKey', 'stepIdHash']);
  });

  it.each(['tokenHash', 'sessionIdHash', 'limitKey', 'stepIdHash'])('%s table expires items through the TTL attribute', (key) => {
    expect(tableWithKey(dev, key).Properties.TimeToLiveSpecification).toEqual({
      AttributeName: TTL_ATTRIBUTE,
      Enabled: true,
    });
    expect(TTL_ATTRIBUTE).toBe('expiresAtEpoch');
  });

  it('finds accounts by email through the byEmail index, projecting everything', () => {
    const accounts = tableWithKey(dev, 'loginId');
    expect(accounts.Properties.TimeToLiveSpecification).toBeUndefined();
    expect(accounts.Properties.GlobalSecondaryIndexes).toEqual([
      {
        IndexName: ACCOUNTS_BY_EMAIL_INDEX,
        KeySchema: [{ AttributeName: 'email', KeyType: 'HASH' }],
        Projection: { ProjectionType: 'ALL' },
      },
    ]);
    expect(accounts.Properties.AttributeDefinitions).toContainEqual({ AttributeName: 'email', AttributeType: 'S' });
  });

  it('turns deletion protection on per stage', () => {
    for (const key of keys) {
      expect(tableWithKey(dev, key).Properties.DeletionProtectionEnabled).toBe(false);
      expect(tableWithKey(prod, key).Properties.DeletionProtectionEnabled).toBe(true);
    }
  });
});

describe('Cognito user pool', () => {
  it('signs in with the email as username, case-insensitively, admins only', () => {
    dev.hasResourceProperties('AWS::Cognito::UserPool', {
      UsernameAttributes: ['email'],
      UsernameConfiguration: { CaseSensitive: false },
      AdminCreateUserConfig: { AllowAdminCreateUserOnly: true },
      AccountRecoverySetting: { RecoveryMechanisms: [{ Name: 'admin_only', Priority: 1 }] },
    });
  });

  it('keeps the login ID in a mutable custom attribute', () => {
    dev.hasResourceProperties('AWS::Cognito::UserPool', {
      Schema: Match.arrayWith([{ Name: 'loginId', AttributeDataType: 'String', Mutable: true }]),
    });
  });

  it('has the password policy as close to ours as Cognito allows', () => {
    dev.hasResourceProperties('AWS::Cognito::UserPool', {
      Policies: {
        PasswordPolicy: {
          MinimumLength: 12,
          RequireUppercase: true,
          RequireLowercase: true,
          RequireNumbers: true,
          RequireSymbols: true,
        },
      },
    });
  });

  it('lets no one sign up: only the Lambdas create users', () => {
    dev.hasResourceProperties('AWS::Cognito::UserPool', { AdminCreateUserConfig: { AllowAdminCreateUserOnly: true } });
    // No hosted UI either: no browser talks to Cognito.
    dev.resourceCountIs('AWS::Cognito::UserPoolDomain', 0);
  });

  it('takes its feature plan and threat protection from the stage', () => {
    dev.hasResourceProperties('AWS::Cognito::UserPool', { UserPoolTier: 'LITE', UserPoolAddOns: Match.absent() });
    const plus = synthStage('dev', { cognitoFeaturePlan: 'PLUS', cognitoThreatProtection: 'audit' }).data;
    plus.hasResourceProperties('AWS::Cognito::UserPool', {
      UserPoolTier: 'PLUS',
      UserPoolAddOns: { AdvancedSecurityMode: 'AUDIT' },
    });
  });

  it('is retained, and deletion-protected where the stage asks', () => {
    dev.hasResource('AWS::Cognito::UserPool', { DeletionPolicy: 'Retain', UpdateReplacePolicy: 'Retain' });
    dev.hasResourceProperties('AWS::Cognito::UserPool', { DeletionProtection: 'INACTIVE' });
    prod.hasResourceProperties('AWS::Cognito::UserPool', { DeletionProtection: 'ACTIVE' });
  });

  it('has a secretless app client for the admin password flow only', () => {
    expect(userPoolDefinition.clientAuthFlows).toContain('ALLOW_ADMIN_USER_PASSWORD_AUTH');
    dev.hasResourceProperties('AWS::Cognito::UserPoolClient', {
      ExplicitAuthFlows: Match.arrayEquals([...userPoolDefinition.clientAuthFlows]),
      GenerateSecret: false,
      PreventUserExistenceErrors: 'ENABLED',
    });
  });
});

describe.each([
  ['passcode key', 'PasscodeKey'],
  ['TOTP key', 'TotpKey'],
  ['ops letter key', 'LetterKey'],
])('%s', (_name, prefix) => {
  it('is a generated secret of 48+ characters, the plain key (no JSON), retained', () => {
    const secrets = resourcesWithPrefix(dev, 'AWS::SecretsManager::Secret', prefix);
    expect(secrets).toHaveLength(1);
    const [secret] = secrets;
    expect(secret.Properties.GenerateSecretString.PasswordLength).toBeGreaterThanOrEqual(48);
    expect(secret.Properties.GenerateSecretString.SecretStringTemplate).toBeUndefined();
    expect(secret.DeletionPolicy).toBe('Retain');
    expect(secret.UpdateReplacePolicy).toBe('Retain');
  });
});

describe('ops letter key', () => {
  it('is its own secret, apart from the passcode key and the TOTP key', () => {
    dev.resourceCountIs('AWS::SecretsManager::Secret', 3);
  });

  it("is output for the ops command, as the secret's ARN (never its value)", () => {
    const logicalIds = Object.keys(dev.findResources('AWS::SecretsManager::Secret')).filter((id) => id.startsWith('LetterKey'));
    expect(logicalIds).toHaveLength(1);
    expect(dev.findOutputs('LetterKeySecretArn').LetterKeySecretArn.Value).toEqual({ Ref: logicalIds[0] });
  });

  it('is granted to no function: the web stack does not refer to it', () => {
    const { web } = synthStage('dev');
    expect(JSON.stringify(web.toJSON())).not.toContain('LetterKey');
  });
});

describe('SES identity', () => {
  it('verifies the sender address', () => {
    dev.hasResourceProperties('AWS::SES::EmailIdentity', { EmailIdentity: 'no-reply@dev.example.com' });
  });

  it('verifies the whole domain when configured, and outputs its DKIM records', () => {
    const withDomain = synthStage('dev', { mailIdentityDomain: 'dev.example.com' }).data;
    withDomain.hasResourceProperties('AWS::SES::EmailIdentity', { EmailIdentity: 'dev.example.com' });
    expect(Object.keys(withDomain.findOutputs('*')).filter((id) => id.includes('DkimRecord'))).toHaveLength(3);
  });
});

describe('SES configuration set', () => {
  it('keeps reputation metrics and suppresses addresses that bounced or complained', () => {
    dev.hasResourceProperties('AWS::SES::ConfigurationSet', {
      ReputationOptions: { ReputationMetricsEnabled: true },
      SendingOptions: { SendingEnabled: true },
      SuppressionOptions: { SuppressedReasons: ['BOUNCE', 'COMPLAINT'] },
    });
  });

  it('publishes bounces, complaints and rejections to the ops topic', () => {
    expect(OPS_MAIL_EVENTS).toEqual(['bounce', 'complaint', 'reject']);
    dev.hasResourceProperties('AWS::SES::ConfigurationSetEventDestination', {
      ConfigurationSetName: { Ref: Match.stringLikeRegexp('^MailConfigurationSet') },
      EventDestination: {
        Enabled: true,
        MatchingEventTypes: OPS_MAIL_EVENTS,
        SnsDestination: { TopicARN: { Ref: Match.stringLikeRegexp('^OpsTopic') } },
      },
    });
  });

  it('is the default of the sending identity, so no send goes unreported', () => {
    dev.hasResourceProperties('AWS::SES::EmailIdentity', {
      ConfigurationSetAttributes: { ConfigurationSetName: { Ref: Match.stringLikeRegexp('^MailConfigurationSet') } },
    });
  });
});

describe('ops topic', () => {
  it('is encrypted with a rotating key that CloudWatch and SES may use, and refuses plain HTTP', () => {
    dev.hasResourceProperties('AWS::SNS::Topic', { KmsMasterKeyId: Match.anyValue() });
    dev.hasResourceProperties('AWS::KMS::Key', {
      EnableKeyRotation: true,
      KeyPolicy: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Principal: { Service: ['cloudwatch.amazonaws.com', 'ses.amazonaws.com'] },
            Action: ['kms:Decrypt', 'kms:GenerateDataKey*'],
          }),
        ]),
      },
    });
    dev.hasResourceProperties('AWS::SNS::TopicPolicy', {
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
          Match.objectLike({ Effect: 'Allow', Principal: { Service: 'cloudwatch.amazonaws.com' }, Action: 'sns:Publish' }),
          Match.objectLike({ Effect: 'Allow', Principal: { Service: 'ses.amazonaws.com' }, Action: 'sns:Publish' }),
        ]),
      },
    });
  });

  it('mails the alarm address when the stage gives one', () => {
    dev.resourceCountIs('AWS::SNS::Subscription', 0);
    prod.hasResourceProperties('AWS::SNS::Subscription', { Protocol: 'email', Endpoint: 'cs-web-ops@example.com' });
  });
});

describe('outputs', () => {
  it('names what the ops CLI needs', () => {
    const outputs = Object.keys(dev.findOutputs('*'));
    expect(outputs).toEqual(
      expect.arrayContaining([
        'AccountsTableName',
        'RequestsTableName',
        'SessionsTableName',
        'LimitsTableName',
        'FactorsTableName',
        'StepsTableName',
        'UserPoolId',
        'UserPoolClientId',
        'PasscodeKeySecretArn',
        'LetterKeySecretArn',
        'MailConfigurationSetName',
        'OpsTopicArn',
        'OpsAuditLogGroupName',
      ]),
    );
  });
});

describe('ops audit log group', () => {
  it('is named per stage, kept for the stage retention, and retained when the stack goes', () => {
    for (const [template, stage, days] of [
      [dev, 'dev', 30],
      [prod, 'prod', 400],
    ] as const) {
      const [logGroup] = resourcesWithPrefix(template, 'AWS::Logs::LogGroup', 'OpsAuditLogs');
      expect(logGroup.Properties).toMatchObject({ LogGroupName: `/customer-support-web/${stage}/ops`, RetentionInDays: days });
      expect(logGroup.DeletionPolicy).toBe('Retain');
      expect(template.findOutputs('OpsAuditLogGroupName').OpsAuditLogGroupName.Value).toEqual({
        Ref: expect.stringMatching(/^OpsAuditLogs/),
      });
    }
  });
});
