import { userInfo } from 'node:os';
import { AuditLogger, type StructuredLogger } from '../lambdas/adapters/audit-logger';
import { cognitoClient } from '../lambdas/adapters/clients/cognito';
import { documentClient } from '../lambdas/adapters/clients/dynamodb';
import { CognitoIdentity } from '../lambdas/adapters/cognito-identity';
import { AccountsTable } from '../lambdas/adapters/dynamodb/accounts-table';
import { LimitsTable } from '../lambdas/adapters/dynamodb/limits-table';
import { RequestsTable } from '../lambdas/adapters/dynamodb/requests-table';
import { SessionsTable } from '../lambdas/adapters/dynamodb/sessions-table';
import { systemClock, systemRandom } from '../lambdas/adapters/system';
import type { Target } from './target';

/** Who runs the command, for the audit trail: OPS_OPERATOR when set (a shared shell), else the OS user. */
export const operator = () => process.env.OPS_OPERATOR ?? userInfo().username;

/** Log levels above INFO: the ops audit lines (INFO) are left out, as the handlers' are. */
const QUIET_LEVELS = new Set(['WARN', 'ERROR', 'CRITICAL', 'SILENT']);

/**
 * Audit lines of ops commands, as JSON on stderr so stdout stays the command's answer; each
 * names the operator.
 */
const opsLogger: StructuredLogger = {
  info(message, ...extra) {
    if (QUIET_LEVELS.has((process.env.POWERTOOLS_LOG_LEVEL ?? '').toUpperCase())) return;
    const line = { level: 'INFO', message, timestamp: new Date().toISOString(), service: 'customer-support-web-ops', operator: operator() };
    process.stderr.write(`${JSON.stringify(Object.assign(line, ...extra))}\n`);
  },
};

/** The stores and collaborators of one target, for the ops use cases. */
export function opsDeps(target: Target) {
  return {
    accounts: new AccountsTable(documentClient(), target.tables.accounts),
    sessions: new SessionsTable(documentClient(), target.tables.sessions),
    requests: new RequestsTable(documentClient(), target.tables.requests),
    limits: new LimitsTable(documentClient(), target.tables.limits),
    identity: new CognitoIdentity(cognitoClient(), target.userPoolId, target.userPoolClientId),
    audit: new AuditLogger(opsLogger),
    clock: systemClock,
    random: systemRandom,
  };
}
