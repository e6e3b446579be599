import { Logger } from '@aws-lambda-powertools/logger';
import { AuditLogger } from './adapters/audit-logger';
import { secretValue } from './adapters/secret-value';
import type { Config } from './config';
import type { LockoutRule, RateRule } from './domain/limits';
import type { MailWording } from './domain/emails/common';

/**
 * What every handler's composition root shares: the logger and audit trail, and the product's
 * numbers in the shapes the use cases take. The adapters are imported by each handler itself,
 * so a bundle holds only the AWS clients its handler uses.
 */
export const logger = new Logger({ serviceName: 'customer-support-web' });
export const audit = new AuditLogger(logger);

/** What every API handler's chain needs: the site's origin, the logger, CloudFront's secret when set. */
export const apiDefaults = (c: Config) => ({
  siteUrl: c.SITE_URL,
  logger,
  originSecret:
    c.ORIGIN_VERIFY_SECRET || c.ORIGIN_VERIFY_SECRET_ARN
      ? () => secretValue({ name: 'origin verify', value: c.ORIGIN_VERIFY_SECRET, arn: c.ORIGIN_VERIFY_SECRET_ARN })
      : undefined,
});

export const lockoutRule = (c: Config): LockoutRule => ({ threshold: c.LOCKOUT_THRESHOLD, lockMinutes: c.LOCKOUT_MINUTES });
export const mailRateRule = (c: Config): RateRule => ({ limit: c.MAIL_REQUESTS_PER_HOUR, windowMinutes: 60 });

export const mailWording = (c: Config): MailWording => ({
  brandName: c.BRAND_NAME,
  supportContactName: c.SUPPORT_CONTACT_NAME,
  supportContactEmail: c.SUPPORT_CONTACT_EMAIL,
  validityMinutes: c.REGISTRATION_VALIDITY_MINUTES,
});
