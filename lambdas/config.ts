import * as z from 'zod/mini';

/**
 * Every setting of the product, read once at cold start from the environment and validated;
 * a missing or malformed value stops the function before it answers anyone.
 * The CDK stacks and the local server set these same variables. (zod/mini: the full zod would
 * add ~440 KB to every Lambda bundle.)
 */
const positiveInt = z.pipe(z.coerce.number(), z.int().check(z.positive()));
const text = z.string().check(z.minLength(1));
const withDefault = <T extends z.ZodMiniType>(schema: T, value: z.output<T>) => z._default(schema, value as never);

/** Wording defaults, shared with the CDK stacks (which leave unset what cdk.json does not give). */
export const TEXT_DEFAULTS = {
  MAIL_FROM_NAME: 'お客様サポートWEB',
  BRAND_NAME: 'GMOフィナンシャルゲート',
  SUPPORT_CONTACT_NAME: 'GMOフィナンシャルゲート株式会社 管理本部 業務課 お客様サポートWEB担当',
  /** The holder named in the footer's ©. */
  COMPANY_NAME: 'GMOフィナンシャルゲート株式会社',
};

/**
 * The product's numbers: every lifetime and limit, each with its default. The ops command reads
 * only these (it has no site or mail to configure); the handlers read them with the rest.
 */
const ruleFields = {
  /** How long the completion URL and the passcode stay valid. */
  REGISTRATION_VALIDITY_MINUTES: withDefault(positiveInt, 24 * 60),
  PASSCODE_MAX_ATTEMPTS: withDefault(positiveInt, 5),
  SESSION_IDLE_MINUTES: withDefault(positiveInt, 30),
  SESSION_ABSOLUTE_MINUTES: withDefault(positiveInt, 12 * 60),
  /** Consecutive failed logins (or first logins) that lock an ID, and for how long. */
  LOCKOUT_THRESHOLD: withDefault(positiveInt, 5),
  LOCKOUT_MINUTES: withDefault(positiveInt, 15),
  /** Mail-sending requests per account and per address within an hour (no mail-bombing). */
  MAIL_REQUESTS_PER_HOUR: withDefault(positiveInt, 5),
  /** How long the initial password on a merchant's letter can be used. */
  INITIAL_PASSWORD_VALIDITY_DAYS: withDefault(positiveInt, 90),
  /** The stage's second sign-in step: off, optional (merchants choose), required (every merchant sets one up). */
  MFA_POLICY: withDefault(z.enum(['off', 'optional', 'required']), 'optional'),
  /** Days without a sign-in after which the daily job disables a registered account (PCI DSS 8.2.6); unset: off. */
  INACTIVE_DISABLE_DAYS: z.optional(positiveInt),
};

const rulesSchema = z.object(ruleFields);
export type RulesConfig = z.infer<typeof rulesSchema>;

export const configSchema = z
  .object({
    ...ruleFields,
    STAGE: text,
    /** Origin the merchant's browser uses; completion URLs are built on it and Origin is checked against it. */
    SITE_URL: z.pipe(
      z.url(),
      z.transform((url: string) => url.replace(/\/+$/, '')),
    ),
    MAIL_FROM_ADDRESS: z.email(),
    MAIL_FROM_NAME: withDefault(text, TEXT_DEFAULTS.MAIL_FROM_NAME),
    /** The company name in subjects and bodies: 【GMOフィナンシャルゲート】… */
    BRAND_NAME: withDefault(text, TEXT_DEFAULTS.BRAND_NAME),
    SUPPORT_CONTACT_NAME: withDefault(text, TEXT_DEFAULTS.SUPPORT_CONTACT_NAME),
    SUPPORT_CONTACT_EMAIL: z.email(),
    ACCOUNTS_TABLE: text,
    REQUESTS_TABLE: text,
    SESSIONS_TABLE: text,
    LIMITS_TABLE: text,
    FACTORS_TABLE: text,
    STEPS_TABLE: text,
    USER_POOL_ID: text,
    USER_POOL_CLIENT_ID: text,
    /**
     * The key of the passcode hash. On AWS the functions get `PASSCODE_KEY_SECRET_ARN` and read the
     * secret at cold start; locally the key is given directly.
     */
    PASSCODE_KEY: z.optional(z.string().check(z.minLength(32))),
    PASSCODE_KEY_SECRET_ARN: z.optional(text),
    /** The key that seals authenticator secrets and keys the recovery-code hashes; given like the passcode key. */
    TOTP_KEY: z.optional(z.string().check(z.minLength(32))),
    TOTP_KEY_SECRET_ARN: z.optional(text),
    /**
     * The value CloudFront puts in `x-origin-verify`, so API Gateway cannot be called around it
     * (and around WAF). The secret's ARN on AWS; a plain value for tests; unset locally: no check.
     */
    ORIGIN_VERIFY_SECRET_ARN: z.optional(text),
    ORIGIN_VERIFY_SECRET: z.optional(z.string().check(z.minLength(32))),
    /** SES configuration set whose bounce and complaint events reach ops. */
    MAIL_CONFIGURATION_SET: z.optional(text),
  })
  .check(z.refine((c) => Boolean(c.PASSCODE_KEY || c.PASSCODE_KEY_SECRET_ARN), 'PASSCODE_KEY or PASSCODE_KEY_SECRET_ARN is required'));

export type Config = z.infer<typeof configSchema>;

export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  return parse(configSchema, env);
}

/** The numbers alone, for the ops command. */
export function loadRules(env: NodeJS.ProcessEnv = process.env): RulesConfig {
  return parse(rulesSchema, env);
}

function parse<T extends z.ZodMiniType>(schema: T, env: NodeJS.ProcessEnv): z.infer<T> {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.') || 'config'}: ${i.message}`);
    throw new ConfigError(`Invalid configuration: ${problems.join('; ')}`);
  }
  return parsed.data;
}
