import type { Config } from '../../config';
import { documentClient } from '../clients/dynamodb';
import { AccountsTable } from './accounts-table';
import { LimitsTable } from './limits-table';
import { RequestsTable } from './requests-table';
import { SessionsTable } from './sessions-table';

/** The product's tables, as each handler's composition root asks for them. */
export const accountsTable = (c: Config) => new AccountsTable(documentClient(), c.ACCOUNTS_TABLE);
export const requestsTable = (c: Config) => new RequestsTable(documentClient(), c.REQUESTS_TABLE);
export const sessionsTable = (c: Config) => new SessionsTable(documentClient(), c.SESSIONS_TABLE);
export const limitsTable = (c: Config) => new LimitsTable(documentClient(), c.LIMITS_TABLE);
