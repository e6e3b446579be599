import type { Config, RulesConfig } from '../config';
import type { MailWording } from '../domain/emails/common';
import type { LockoutRule, RateRule } from '../domain/limits';
import type { MfaPolicy } from '../domain/mfa-policy';
import type { SecretSource } from '../adapters/secret-value';
import type { TableKey } from '../resources/table-definitions';

/** The product's numbers, in the shapes the use cases take. */
export interface Rules {
  readonly lockout: LockoutRule;
  readonly mailRate: RateRule;
  readonly maxPasscodeAttempts: number;
  readonly sessionIdleMinutes: number;
  readonly sessionAbsoluteMinutes: number;
  readonly initialPasswordValidityDays: number;
  readonly mfaPolicy: MfaPolicy;
  /** The inactivity rule's days (lambdas/domain/inactivity.ts); undefined: the rule is off. */
  readonly inactiveDisableDays?: number;
}

/**
 * A plain description of what the product runs on: names, ids, secret references and numbers.
 * The handlers make it from their environment (resourcesFromConfig), the ops command from a
 * stage's stack outputs, local mode from the emulators it provisioned; ./root.ts turns it into
 * collaborators.
 */
export interface Resources {
  readonly tables: Readonly<Record<TableKey, string>>;
  readonly userPool: { readonly id: string; readonly clientId: string };
  /** Only where mail is sent (the handlers). */
  readonly mail?: {
    readonly fromName: string;
    readonly fromAddress: string;
    readonly configurationSet?: string;
    readonly wording: MailWording;
  };
  readonly secrets: {
    readonly passcodeKey?: SecretSource;
    readonly letterKey?: SecretSource;
    /** Seals authenticator secrets, keys recovery-code hashes. */
    readonly totpKey?: SecretSource;
    /** What CloudFront sends in `x-origin-verify`; unset locally: no check. */
    readonly originVerify?: SecretSource;
  };
  /** The site's origin: completion URLs, the Origin check, the letters. */
  readonly siteUrl?: string;
  readonly rules: Rules;
}

export function rulesFrom(c: RulesConfig): Rules {
  return {
    lockout: { threshold: c.LOCKOUT_THRESHOLD, lockMinutes: c.LOCKOUT_MINUTES },
    mailRate: { limit: c.MAIL_REQUESTS_PER_HOUR, windowMinutes: 60 },
    maxPasscodeAttempts: c.PASSCODE_MAX_ATTEMPTS,
    sessionIdleMinutes: c.SESSION_IDLE_MINUTES,
    sessionAbsoluteMinutes: c.SESSION_ABSOLUTE_MINUTES,
    initialPasswordValidityDays: c.INITIAL_PASSWORD_VALIDITY_DAYS,
    mfaPolicy: c.MFA_POLICY,
    inactiveDisableDays: c.INACTIVE_DISABLE_DAYS,
  };
}

const secret = (value: string | undefined, arn: string | undefined): SecretSource | undefined =>
  value || arn ? { value, arn } : undefined;

/** What a handler's environment (lambdas/config.ts) describes. */
export function resourcesFromConfig(c: Config): Resources {
  return {
    tables: {
      accounts: c.ACCOUNTS_TABLE,
      requests: c.REQUESTS_TABLE,
      sessions: c.SESSIONS_TABLE,
      limits: c.LIMITS_TABLE,
      factors: c.FACTORS_TABLE,
      steps: c.STEPS_TABLE,
    },
    userPool: { id: c.USER_POOL_ID, clientId: c.USER_POOL_CLIENT_ID },
    mail: {
      fromName: c.MAIL_FROM_NAME,
      fromAddress: c.MAIL_FROM_ADDRESS,
      configurationSet: c.MAIL_CONFIGURATION_SET,
      wording: {
        brandName: c.BRAND_NAME,
        supportContactName: c.SUPPORT_CONTACT_NAME,
        supportContactEmail: c.SUPPORT_CONTACT_EMAIL,
        validityMinutes: c.REGISTRATION_VALIDITY_MINUTES,
      },
    },
    secrets: {
      passcodeKey: secret(c.PASSCODE_KEY, c.PASSCODE_KEY_SECRET_ARN),
      totpKey: secret(c.TOTP_KEY, c.TOTP_KEY_SECRET_ARN),
      originVerify: secret(c.ORIGIN_VERIFY_SECRET, c.ORIGIN_VERIFY_SECRET_ARN),
    },
    siteUrl: c.SITE_URL,
    rules: rulesFrom(c),
  };
}
