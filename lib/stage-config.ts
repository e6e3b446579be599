import { z } from 'zod';
import { RetentionDays } from 'aws-cdk-lib/aws-logs';
import { INACTIVITY_WARNING_DAYS } from '../lambdas/domain/inactivity';
import { isLogoExtension, isSiteLink } from '../lambdas/domain/site-frame';
import { SynthInputError } from './errors';

/**
 * Deploy-time settings of one stage, read from `cdk.json` → `context.stages.<stage>` and
 * validated here, once, before any construct is built: a typo fails `cdk synth` with a message
 * naming the field instead of deploying a broken stack.
 *
 * Text settings left out (mailFromName, brandName, supportContactName, companyName) and the optional numbers
 * fall back to the defaults of `lambdas/config.ts`, so those defaults live in one place.
 */
const positiveInt = z.number().int().positive();
const hostname = z.hostname().refine((h) => h.includes('.'), 'must be a fully qualified domain name');
const siteLink = z.string().refine(isSiteLink, 'must be an https:// page, a mailto: address or a /path of the site');
/** A file of this repository, relative to its root; the site construct copies it into the site. */
const logoFile = z
  .string()
  .regex(/^(?!\/)(?!.*(^|\/)\.\.(\/|$))[\w./-]+$/, 'must be a path inside the repository, relative to its root')
  .refine((path) => isLogoExtension(path.slice(path.lastIndexOf('.')).toLowerCase()), 'must be a .svg or .png file');
const retentionDays = Object.values(RetentionDays).filter((v): v is number => typeof v === 'number');

const stageConfigSchema = z
  .strictObject({
    /** Target account and region; when absent, the CLI's credentials decide at deploy time. */
    account: z
      .string()
      .regex(/^\d{12}$/, 'must be a 12-digit AWS account id')
      .optional(),
    region: z
      .string()
      .regex(/^[a-z]{2}(-[a-z]+)+-\d+$/, 'must be an AWS region such as ap-northeast-1')
      .optional(),
    /** Custom domain of the site (e.g. support.example.co.jp); needs `certificateArn`. */
    siteDomain: hostname.optional(),
    /** ACM certificate for `siteDomain`; CloudFront only accepts certificates from us-east-1. */
    certificateArn: z
      .string()
      .regex(/^arn:aws:acm:us-east-1:\d{12}:certificate\/[\w-]+$/, 'must be an ACM certificate ARN in us-east-1')
      .optional(),
    mailFromAddress: z.email(),
    /** Verify the whole domain in SES instead of the single sender address (enables DKIM). */
    mailIdentityDomain: hostname.optional(),
    mailFromName: z.string().min(1).optional(),
    brandName: z.string().min(1).optional(),
    supportContactName: z.string().min(1).optional(),
    supportContactEmail: z.email(),
    /** The footer's `© <year> <companyName>`. */
    companyName: z.string().min(1).optional(),
    /** The header's logo (its alt text is brandName), served as /brand/logo.<ext>; unset: the brand as text. */
    brandLogo: logoFile.optional(),
    /** The footer's links; each one left out is not shown. */
    privacyPolicyUrl: siteLink.optional(),
    termsUrl: siteLink.optional(),
    contactUrl: siteLink.optional(),
    registrationValidityMinutes: positiveInt,
    passcodeMaxAttempts: positiveInt.optional(),
    sessionIdleMinutes: positiveInt.optional(),
    sessionAbsoluteMinutes: positiveInt.optional(),
    /** Consecutive failed logins (or first logins) that lock an ID, and for how long. */
    lockoutThreshold: positiveInt.optional(),
    lockoutMinutes: positiveInt.optional(),
    /** Mail-sending requests allowed per account and per address within an hour. */
    mailRequestsPerHour: positiveInt.optional(),
    /** How long the initial password on a merchant's letter can be used. */
    initialPasswordValidityDays: positiveInt.optional(),
    /** The second sign-in step: off, optional (merchants choose) or required (every merchant sets one up). */
    mfa: z.enum(['off', 'optional', 'required']).optional(),
    /**
     * Days without a sign-in after which a daily job disables a registered account, after a
     * warning email 14 days before (PCI DSS 8.2.6: 90 at most). Unset: no job.
     */
    inactiveDisableDays: z
      .number()
      .int()
      .min(INACTIVITY_WARNING_DAYS + 1, `must be more than the warning's ${INACTIVITY_WARNING_DAYS} days`)
      .optional(),
    logRetentionDays: z
      .number()
      .refine((d) => retentionDays.includes(d), `must be one of CloudWatch's values: ${retentionDays.join(', ')}`),
    /** Deletion protection on tables and the user pool (they are retained on stack deletion anyway). */
    deletionProtection: z.boolean(),
    /**
     * Node reads the functions' source maps at every cold start and stack trace
     * (`--enable-source-maps`): readable traces in the logs at the price of slower starts. Off on
     * prod; the maps are in the deployed code either way (docs/deploy.md, reading a stack trace).
     */
    lambdaSourceMaps: z.boolean().default(false),
    /** Memory also buys CPU, which the scrypt check of initial passwords needs. */
    lambdaMemoryMb: z.number().int().min(128).max(10240).default(1024),
    /**
     * Concurrent executions reserved for (and capping) each API function, so a flood can neither
     * starve the others nor run up Cognito's and DynamoDB's quotas. `null`: no reservation (an
     * account whose concurrency quota is too small to reserve 3 × this plus the 100 AWS keeps free).
     */
    lambdaReservedConcurrency: z.number().int().min(1).max(900).nullable().default(10),
    /** Requests one IP address may make to the sign-in and mail routes in 5 minutes before WAF blocks it (WAF's minimum is 10). */
    wafRateLimitPer5Min: z.number().int().min(10).max(2_000_000_000),
    /** Where alarms, SES bounces and complaints are mailed (an SNS email subscription to confirm once). */
    alarmEmail: z.email().optional(),
    /** Failed logins, and lockouts, across all merchants within 5 minutes that raise an alarm. */
    failedLoginsAlarmPer5Min: positiveInt.default(30),
    lockoutsAlarmPer5Min: positiveInt.default(5),
    /**
     * Refused second sign-in steps across all merchants within 5 minutes that raise an alarm. Only
     * a right password leads there and wrong codes count towards the login lock, so one merchant
     * who mistypes adds a few at most: 10 means codes tried on several known passwords.
     */
    failedSecondStepsAlarmPer5Min: positiveInt.default(10),
    /**
     * Failures of one function (errors no answer mapping caught, timeouts, start-up errors) plus
     * throttles within 5 minutes that raise an alarm; per route, the saved query "API - errors and
     * latency by route" tells which.
     */
    functionFailuresAlarmPer5Min: positiveInt.default(1),
    /** Share of API answers that are 5xx, in percent over 5 minutes (in two of three periods), that raises an alarm. */
    api5xxAlarmPercent: z.number().positive().max(100).default(5),
    /** SES reviews an account at 5 % bounces and may pause it at 10 %. */
    sesBounceRateAlarm: z.number().positive().max(1).default(0.05),
    /** SES reviews an account at 0.1 % complaints. */
    sesComplaintRateAlarm: z.number().positive().max(1).default(0.001),
    /** Days the CloudFront and S3 access logs are kept in the log bucket. */
    accessLogRetentionDays: positiveInt,
    /** Cognito feature plan: LITE suffices for the product's admin flows; PLUS adds threat protection. */
    cognitoFeaturePlan: z.enum(['LITE', 'ESSENTIALS', 'PLUS']).default('LITE'),
    /** Cognito threat protection (formerly advanced security) for the admin sign-in: needs the PLUS plan. */
    cognitoThreatProtection: z.enum(['off', 'audit', 'enforced']).default('off'),
    /** Raise by one to replace the secret CloudFront sends to the API with a new one (rotation, docs/deploy.md). */
    originVerifySecretGeneration: positiveInt.default(1),
  })
  .refine((c) => Boolean(c.siteDomain) === Boolean(c.certificateArn), {
    message: 'siteDomain and certificateArn must be given together',
    path: ['certificateArn'],
  })
  .refine((c) => !c.mailIdentityDomain || c.mailFromAddress.toLowerCase().endsWith(`@${c.mailIdentityDomain.toLowerCase()}`), {
    message: 'mailFromAddress must belong to mailIdentityDomain',
    path: ['mailFromAddress'],
  })
  .refine((c) => c.cognitoThreatProtection === 'off' || c.cognitoFeaturePlan === 'PLUS', {
    message: 'cognitoThreatProtection needs cognitoFeaturePlan "PLUS"',
    path: ['cognitoThreatProtection'],
  })
  .refine((c) => !c.sessionIdleMinutes || !c.sessionAbsoluteMinutes || c.sessionIdleMinutes <= c.sessionAbsoluteMinutes, {
    message: 'sessionIdleMinutes must not exceed sessionAbsoluteMinutes',
    path: ['sessionIdleMinutes'],
  });

export type StageConfig = z.infer<typeof stageConfigSchema>;

export class StageConfigError extends SynthInputError {}

const stageName = z.string().regex(/^[a-z][a-z0-9-]*$/, 'must be lower-case letters, digits and dashes');

/**
 * Stage fields given on the command line (`-c alarmEmail=ops@example.com`, `-c wafRateLimitPer5Min=300`)
 * for one run; they win over cdk.json and are validated the same way. The CLI passes context
 * values as text, so JSON numbers, booleans and null are read as such.
 * @param getContext the app's `node.tryGetContext`
 */
export function commandLineOverrides(getContext: (key: string) => unknown): Record<string, unknown> {
  const overrides: Record<string, unknown> = {};
  for (const field of Object.keys(stageConfigSchema.shape)) {
    const value = getContext(field);
    if (value !== undefined) overrides[field] = typeof value === 'string' ? jsonOrText(value) : value;
  }
  return overrides;
}

function jsonOrText(value: string): unknown {
  if (!/^(-?\d+(\.\d+)?|true|false|null)$/.test(value)) return value;
  return JSON.parse(value);
}

/**
 * Picks `stages[stage]`, applies the command-line overrides, and validates it.
 * @param stages the `stages` context object of cdk.json
 * @param stage the stage given with `-c stage=…`
 * @param overrides fields from `-c <field>=<value>` (see commandLineOverrides)
 */
export function parseStageConfig(stages: unknown, stage: string, overrides: Record<string, unknown> = {}): StageConfig {
  if (!stageName.safeParse(stage).success) {
    throw new StageConfigError(`Invalid stage name "${stage}": use lower-case letters, digits and dashes.`);
  }
  if (typeof stages !== 'object' || stages === null) {
    throw new StageConfigError('cdk.json has no "stages" object in its context.');
  }
  const raw = (stages as Record<string, unknown>)[stage];
  if (raw === undefined) {
    const known = Object.keys(stages).join(', ') || 'none';
    throw new StageConfigError(`Unknown stage "${stage}" (cdk.json defines: ${known}). Select one with -c stage=<name>.`);
  }
  const parsed = stageConfigSchema.safeParse({ ...(raw as object), ...overrides });
  if (!parsed.success) {
    const where = (field: string) => (field in overrides ? `-c ${field}` : `stages.${stage}.${field}`);
    const problems = parsed.error.issues.map(
      (i) => `  ${i.path.length ? where(i.path.join('.')) : `stages.${stage}.(stage)`}: ${i.message}`,
    );
    throw new StageConfigError(`Invalid cdk.json context for stage "${stage}":\n${problems.join('\n')}`);
  }
  return parsed.data;
}
