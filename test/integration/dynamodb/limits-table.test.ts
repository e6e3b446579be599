/** LimitsTable keeps the LimitStore contract on dynalite: its conditional writes, through the real SDK client. */
import { LimitsTable } from '../../../lambdas/adapters/dynamodb/limits-table';
import { describeLimitStoreContract } from '../../contract/limit-store.contract';
import { useDynalite } from '../../support/dynalite';

const dynalite = useDynalite();

describeLimitStoreContract('LimitsTable', async () => new LimitsTable(dynalite().db, await dynalite().createTable('limits')));
