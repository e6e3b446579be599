import { accountsTable, requestsTable } from './adapters/dynamodb/tables';
import { sesMailer } from './adapters/ses-mailer';
import { systemClock, systemRandom } from './adapters/system';
import type { Config } from './config';
import { audit, mailWording } from './wiring';

/**
 * The collaborators of the two-email requests, for the handlers that start one (first login,
 * forgot password, change email) or complete one. The passcode key is added per request, as it
 * is read from Secrets Manager on first use.
 */
export const startRequestDeps = (config: Config) => ({
  accounts: accountsTable(config),
  requests: requestsTable(config),
  mailer: sesMailer(config),
  audit,
  clock: systemClock,
  random: systemRandom,
  siteUrl: config.SITE_URL,
  wording: mailWording(config),
});

export const redeemRequestDeps = (config: Config) => ({
  accounts: accountsTable(config),
  requests: requestsTable(config),
  audit,
  clock: systemClock,
  maxPasscodeAttempts: config.PASSCODE_MAX_ATTEMPTS,
});
