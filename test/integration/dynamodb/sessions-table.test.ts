/** SessionsTable keeps the SessionStore contract on dynalite, through the real SDK client. */
import { SessionsTable } from '../../../lambdas/adapters/dynamodb/sessions-table';
import { describeSessionStoreContract } from '../../contract/session-store.contract';
import { useDynalite } from '../../support/dynalite';

const dynalite = useDynalite();

describeSessionStoreContract('SessionsTable', async () => new SessionsTable(dynalite().db, await dynalite().createTable('sessions')));
