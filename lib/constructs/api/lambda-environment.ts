import { handlerEnvironment } from '../../../lambdas/composition/environment';
import type { TableKey } from '../../../lambdas/resources/table-definitions';
import type { StageConfig } from '../../stage-config';

/** Local and test stand-ins for the secrets, which on AWS are read from Secrets Manager by ARN. */
export const LOCAL_ONLY_VARIABLES = ['PASSCODE_KEY', 'TOTP_KEY', 'ORIGIN_VERIFY_SECRET'] as const;

export interface LambdaEnvironmentInputs {
  readonly stage: string;
  readonly config: StageConfig;
  readonly siteUrl: string;
  readonly tableNames: Record<TableKey, string>;
  readonly userPoolId: string;
  readonly userPoolClientId: string;
  readonly passcodeKeySecretArn: string;
  readonly totpKeySecretArn: string;
  readonly originVerifySecretArn: string;
  readonly mailConfigurationSetName: string;
}

/**
 * The handlers' configuration on AWS: the stage's cdk.json fields and the stacks' resources, the
 * secrets by ARN. Optional settings left out of cdk.json are left unset and take the defaults of
 * lambdas/config.ts.
 */
export function lambdaEnvironment(inputs: LambdaEnvironmentInputs): Record<string, string> {
  const { config } = inputs;
  return handlerEnvironment({
    stage: inputs.stage,
    siteUrl: inputs.siteUrl,
    tables: inputs.tableNames,
    userPool: { id: inputs.userPoolId, clientId: inputs.userPoolClientId },
    mail: { fromAddress: config.mailFromAddress, fromName: config.mailFromName, configurationSet: inputs.mailConfigurationSetName },
    wording: {
      brandName: config.brandName,
      supportContactName: config.supportContactName,
      supportContactEmail: config.supportContactEmail,
    },
    secrets: {
      passcodeKey: { arn: inputs.passcodeKeySecretArn },
      totpKey: { arn: inputs.totpKeySecretArn },
      originVerify: { arn: inputs.originVerifySecretArn },
    },
    rules: {
      REGISTRATION_VALIDITY_MINUTES: config.registrationValidityMinutes,
      PASSCODE_MAX_ATTEMPTS: config.passcodeMaxAttempts,
      SESSION_IDLE_MINUTES: config.sessionIdleMinutes,
      SESSION_ABSOLUTE_MINUTES: config.sessionAbsoluteMinutes,
      LOCKOUT_THRESHOLD: config.lockoutThreshold,
      LOCKOUT_MINUTES: config.lockoutMinutes,
      MAIL_REQUESTS_PER_HOUR: config.mailRequestsPerHour,
      INITIAL_PASSWORD_VALIDITY_DAYS: config.initialPasswordValidityDays,
      MFA_POLICY: config.mfa,
      INACTIVE_DISABLE_DAYS: config.inactiveDisableDays,
    },
  });
}
