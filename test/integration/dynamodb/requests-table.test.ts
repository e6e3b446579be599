/** RequestsTable keeps the RequestStore contract on dynalite, through the real SDK client. */
import { RequestsTable } from '../../../lambdas/adapters/dynamodb/requests-table';
import { describeRequestStoreContract } from '../../contract/request-store.contract';
import { useDynalite } from '../../support/dynalite';

const dynalite = useDynalite();

describeRequestStoreContract('RequestsTable', async () => new RequestsTable(dynalite().db, await dynalite().createTable('requests')));
