import type { Config } from '../../../lambdas/config';
import type { StageConfig } from '../../stage-config';
import type { TableKey } from '../../../lambdas/resources/table-definitions';

/** Local and test stand-ins for the secrets, which on AWS are read from Secrets Manager by ARN. */
export const LOCAL_ONLY_VARIABLES = ['PASSCODE_KEY', 'ORIGIN_VERIFY_SECRET'] as const;

/** Every variable lambdas/config.ts reads, except the local-only ones. */
type EnvName = Exclude<keyof Config, (typeof LOCAL_ONLY_VARIABLES)[number]>;

export interface LambdaEnvironmentInputs {
  readonly stage: string;
  readonly config: StageConfig;
  readonly siteUrl: string;
  readonly tableNames: Record<TableKey, string>;
  readonly userPoolId: string;
  readonly userPoolClientId: string;
  readonly passcodeKeySecretArn: string;
  readonly originVerifySecretArn: string;
  readonly mailConfigurationSetName: string;
}

/**
 * The handlers' configuration. Typed against lambdas/config.ts, so a variable added there does
 * not compile here until it is set; optional settings left out of cdk.json are left unset and
 * take the defaults of lambdas/config.ts.
 */
export function lambdaEnvironment(inputs: LambdaEnvironmentInputs): Record<string, string> {
  const { config } = inputs;
  const env: Record<EnvName, string | number | undefined> = {
    STAGE: inputs.stage,
    SITE_URL: inputs.siteUrl,
    MAIL_FROM_ADDRESS: config.mailFromAddress,
    MAIL_FROM_NAME: config.mailFromName,
    BRAND_NAME: config.brandName,
    SUPPORT_CONTACT_NAME: config.supportContactName,
    SUPPORT_CONTACT_EMAIL: config.supportContactEmail,
    REGISTRATION_VALIDITY_MINUTES: config.registrationValidityMinutes,
    PASSCODE_MAX_ATTEMPTS: config.passcodeMaxAttempts,
    SESSION_IDLE_MINUTES: config.sessionIdleMinutes,
    SESSION_ABSOLUTE_MINUTES: config.sessionAbsoluteMinutes,
    ACCOUNTS_TABLE: inputs.tableNames.accounts,
    REQUESTS_TABLE: inputs.tableNames.requests,
    SESSIONS_TABLE: inputs.tableNames.sessions,
    LIMITS_TABLE: inputs.tableNames.limits,
    LOCKOUT_THRESHOLD: config.lockoutThreshold,
    LOCKOUT_MINUTES: config.lockoutMinutes,
    MAIL_REQUESTS_PER_HOUR: config.mailRequestsPerHour,
    USER_POOL_ID: inputs.userPoolId,
    USER_POOL_CLIENT_ID: inputs.userPoolClientId,
    PASSCODE_KEY_SECRET_ARN: inputs.passcodeKeySecretArn,
    ORIGIN_VERIFY_SECRET_ARN: inputs.originVerifySecretArn,
    MAIL_CONFIGURATION_SET: inputs.mailConfigurationSetName,
  };
  return Object.fromEntries(
    Object.entries(env)
      .filter((entry): entry is [string, string | number] => entry[1] !== undefined)
      .map(([name, value]) => [name, String(value)]),
  );
}
