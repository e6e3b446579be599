import { Logger } from '@aws-lambda-powertools/logger';
import { AuditLogger } from './adapters/audit-logger';
import { cognitoClient, documentClient, sesClient } from './adapters/aws-clients';
import { CognitoIdentity } from './adapters/cognito-identity';
import { AccountsTable } from './adapters/dynamodb/accounts-table';
import { LimitsTable } from './adapters/dynamodb/limits-table';
import { RequestsTable } from './adapters/dynamodb/requests-table';
import { SessionsTable } from './adapters/dynamodb/sessions-table';
import { SesMailer } from './adapters/ses-mailer';
import type { Config } from './config';
import type { LockoutRule, RateRule } from './domain/limits';
import type { MailWording } from './domain/registration-emails';

/**
 * Builders of the adapters, for each handler's composition root to call only those it needs.
 * Each runs once per cold start, at module load.
 */
export const logger = new Logger({ serviceName: 'customer-support-web' });
export const audit = new AuditLogger(logger);

export const accountsTable = (c: Config) => new AccountsTable(documentClient(), c.ACCOUNTS_TABLE);
export const requestsTable = (c: Config) => new RequestsTable(documentClient(), c.REQUESTS_TABLE);
export const sessionsTable = (c: Config) => new SessionsTable(documentClient(), c.SESSIONS_TABLE);
export const limitsTable = (c: Config) => new LimitsTable(documentClient(), c.LIMITS_TABLE);
export const cognitoIdentity = (c: Config) => new CognitoIdentity(cognitoClient(), c.USER_POOL_ID, c.USER_POOL_CLIENT_ID);
export const sesMailer = (c: Config) => new SesMailer(sesClient(), { name: c.MAIL_FROM_NAME, address: c.MAIL_FROM_ADDRESS });

export const mailWording = (c: Config): MailWording => ({
  brandName: c.BRAND_NAME,
  supportContactName: c.SUPPORT_CONTACT_NAME,
  supportContactEmail: c.SUPPORT_CONTACT_EMAIL,
  validityMinutes: c.REGISTRATION_VALIDITY_MINUTES,
});

export const lockoutRule = (c: Config): LockoutRule => ({ threshold: c.LOCKOUT_THRESHOLD, lockMinutes: c.LOCKOUT_MINUTES });
export const mailRateRule = (c: Config): RateRule => ({ limit: c.MAIL_REQUESTS_PER_HOUR, windowMinutes: 60 });
