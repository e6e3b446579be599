import type { SecretSource } from '../adapters/secret-value';
import type { Config, RulesConfig } from '../config';
import type { TableKey } from '../resources/table-definitions';

/**
 * What a handler's environment says, in plain terms: the CDK stacks (with references resolved at
 * deploy time), local mode (with the emulators' names) and the benchmark describe the handlers'
 * world this way, and handlerEnvironment spells it as the variables lambdas/config.ts reads.
 */
export interface HandlerWorld {
  readonly stage: string;
  readonly siteUrl: string;
  readonly tables: Readonly<Record<TableKey, string>>;
  readonly userPool: { readonly id: string; readonly clientId: string };
  readonly mail: { readonly fromAddress: string; readonly fromName?: string; readonly configurationSet?: string };
  readonly wording: { readonly brandName?: string; readonly supportContactName?: string; readonly supportContactEmail: string };
  readonly secrets: { readonly passcodeKey: SecretSource; readonly totpKey?: SecretSource; readonly originVerify?: SecretSource };
  /** Left unset: lambdas/config.ts's defaults. */
  readonly rules?: Partial<RulesConfig>;
}

/**
 * The variables of lambdas/config.ts for a world. Typed against Config, so a variable added there
 * does not compile here until it is given; unset values are left out (their defaults apply).
 */
export function handlerEnvironment(world: HandlerWorld): Record<string, string> {
  const rules = world.rules ?? {};
  const env: Record<keyof Config, string | number | undefined> = {
    STAGE: world.stage,
    SITE_URL: world.siteUrl,
    MAIL_FROM_ADDRESS: world.mail.fromAddress,
    MAIL_FROM_NAME: world.mail.fromName,
    MAIL_CONFIGURATION_SET: world.mail.configurationSet,
    BRAND_NAME: world.wording.brandName,
    SUPPORT_CONTACT_NAME: world.wording.supportContactName,
    SUPPORT_CONTACT_EMAIL: world.wording.supportContactEmail,
    REGISTRATION_VALIDITY_MINUTES: rules.REGISTRATION_VALIDITY_MINUTES,
    PASSCODE_MAX_ATTEMPTS: rules.PASSCODE_MAX_ATTEMPTS,
    SESSION_IDLE_MINUTES: rules.SESSION_IDLE_MINUTES,
    SESSION_ABSOLUTE_MINUTES: rules.SESSION_ABSOLUTE_MINUTES,
    LOCKOUT_THRESHOLD: rules.LOCKOUT_THRESHOLD,
    LOCKOUT_MINUTES: rules.LOCKOUT_MINUTES,
    MAIL_REQUESTS_PER_HOUR: rules.MAIL_REQUESTS_PER_HOUR,
    INITIAL_PASSWORD_VALIDITY_DAYS: rules.INITIAL_PASSWORD_VALIDITY_DAYS,
    MFA_POLICY: rules.MFA_POLICY,
    INACTIVE_DISABLE_DAYS: rules.INACTIVE_DISABLE_DAYS,
    ACCOUNTS_TABLE: world.tables.accounts,
    REQUESTS_TABLE: world.tables.requests,
    SESSIONS_TABLE: world.tables.sessions,
    LIMITS_TABLE: world.tables.limits,
    FACTORS_TABLE: world.tables.factors,
    STEPS_TABLE: world.tables.steps,
    USER_POOL_ID: world.userPool.id,
    USER_POOL_CLIENT_ID: world.userPool.clientId,
    PASSCODE_KEY: world.secrets.passcodeKey.value,
    PASSCODE_KEY_SECRET_ARN: world.secrets.passcodeKey.arn,
    TOTP_KEY: world.secrets.totpKey?.value,
    TOTP_KEY_SECRET_ARN: world.secrets.totpKey?.arn,
    ORIGIN_VERIFY_SECRET: world.secrets.originVerify?.value,
    ORIGIN_VERIFY_SECRET_ARN: world.secrets.originVerify?.arn,
  };
  return Object.fromEntries(
    Object.entries(env)
      .filter((entry): entry is [string, string | number] => entry[1] !== undefined)
      .map(([name, value]) => [name, String(value)]),
  );
}
