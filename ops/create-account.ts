import { userInfo } from 'node:os';
import { AuditLogger, type StructuredLogger } from '../lambdas/adapters/audit-logger';
import { documentClient } from '../lambdas/adapters/clients/dynamodb';
import { AccountsTable } from '../lambdas/adapters/dynamodb/accounts-table';
import { systemClock, systemRandom } from '../lambdas/adapters/system';
import { createAccount } from '../lambdas/domain/use-cases/create-account';
import type { Target } from './target';

/** How long a letter's initial password works. */
export const INITIAL_PASSWORD_VALIDITY_DAYS = 90;

/**
 * Audit lines of ops commands, as JSON on stderr so stdout stays the command's answer; each
 * names the operator. Silenced like the handlers' logs (tests do).
 */
const opsLogger: StructuredLogger = {
  info(message, ...extra) {
    if (process.env.POWERTOOLS_LOG_LEVEL === 'SILENT') return;
    const line = { level: 'INFO', message, timestamp: new Date().toISOString(), service: 'customer-support-web-ops', operator: userInfo().username };
    process.stderr.write(`${JSON.stringify(Object.assign(line, ...extra))}\n`);
  },
};

export function provisionAccount(loginId: string, target: Target) {
  return createAccount(loginId, {
    accounts: new AccountsTable(documentClient(), target.tables.accounts),
    audit: new AuditLogger(opsLogger),
    clock: systemClock,
    random: systemRandom,
    initialPasswordValidityDays: INITIAL_PASSWORD_VALIDITY_DAYS,
  });
}
