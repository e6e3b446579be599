import { z } from 'zod';

/**
 * Every setting of the product, read once at cold start from the environment and validated;
 * a missing or malformed value stops the function before it answers anyone.
 * The CDK stacks and the local server set these same variables.
 */
const positiveInt = z.coerce.number().int().positive();

export const configSchema = z.object({
  STAGE: z.string().min(1),
  /** Origin the merchant's browser uses; completion URLs are built on it and Origin is checked against it. */
  SITE_URL: z.url().transform((url) => url.replace(/\/+$/, '')),
  MAIL_FROM_ADDRESS: z.email(),
  MAIL_FROM_NAME: z.string().min(1).default('お客様サポートWEB'),
  /** The company name in subjects and bodies: 【GMOフィナンシャルゲート】… */
  BRAND_NAME: z.string().min(1).default('GMOフィナンシャルゲート'),
  SUPPORT_CONTACT_NAME: z.string().min(1).default('GMOフィナンシャルゲート株式会社 管理本部 業務課 お客様サポートWEB担当'),
  SUPPORT_CONTACT_EMAIL: z.email(),
  /** How long the completion URL and the passcode stay valid. */
  REGISTRATION_VALIDITY_MINUTES: positiveInt.default(24 * 60),
  PASSCODE_MAX_ATTEMPTS: positiveInt.default(5),
  SESSION_IDLE_MINUTES: positiveInt.default(30),
  SESSION_ABSOLUTE_MINUTES: positiveInt.default(12 * 60),
  ACCOUNTS_TABLE: z.string().min(1),
  REQUESTS_TABLE: z.string().min(1),
  SESSIONS_TABLE: z.string().min(1),
  LIMITS_TABLE: z.string().min(1),
  /** Consecutive failed logins (or first logins) that lock an ID, and for how long. */
  LOCKOUT_THRESHOLD: positiveInt.default(5),
  LOCKOUT_MINUTES: positiveInt.default(15),
  /** Mail-sending requests per account and per address within an hour (no mail-bombing). */
  MAIL_REQUESTS_PER_HOUR: positiveInt.default(5),
  USER_POOL_ID: z.string().min(1),
  USER_POOL_CLIENT_ID: z.string().min(1),
  /**
   * The key of the passcode hash. On AWS the functions get `PASSCODE_KEY_SECRET_ARN` and read the
   * secret at cold start; locally the key is given directly.
   */
  PASSCODE_KEY: z.string().min(32).optional(),
  PASSCODE_KEY_SECRET_ARN: z.string().min(1).optional(),
}).refine((c) => c.PASSCODE_KEY || c.PASSCODE_KEY_SECRET_ARN, {
  message: 'PASSCODE_KEY or PASSCODE_KEY_SECRET_ARN is required',
});

export type Config = z.infer<typeof configSchema>;

export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = configSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.') || 'config'}: ${i.message}`);
    throw new ConfigError(`Invalid configuration: ${problems.join('; ')}`);
  }
  return parsed.data;
}
