/** FactorsTable keeps the FactorStore contract on dynalite, through the real SDK client. */
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { FactorsTable } from '../../../lambdas/adapters/dynamodb/factors-table';
import { tableDefinitions } from '../../../lambdas/resources/table-definitions';
import { describeFactorStoreContract } from '../../contract/factor-store.contract';
import { useDynalite } from '../../support/dynalite';

const dynalite = useDynalite();

describeFactorStoreContract('FactorsTable', async () => {
  const { db, createTable } = dynalite();
  const table = await createTable('factors');
  return {
    store: new FactorsTable(db, table),
    seed: async (key, record) => {
      await db.send(new PutCommand({ TableName: table, Item: { [tableDefinitions.factors.partitionKey]: key, ...record } }));
    },
  };
});
