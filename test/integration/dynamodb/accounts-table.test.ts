/** AccountsTable keeps the AccountStore contract on dynalite, through the real SDK client. */
import { AccountsTable } from '../../../lambdas/adapters/dynamodb/accounts-table';
import { describeAccountStoreContract } from '../../contract/account-store.contract';
import { useDynalite } from '../../support/dynalite';

const dynalite = useDynalite();

describeAccountStoreContract('AccountsTable', async () => new AccountsTable(dynalite().db, await dynalite().createTable('accounts')));
