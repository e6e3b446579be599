/** CodeFactorsTable keeps the CodeFactorStore contract on dynalite, through the real SDK client. */
import { CodeFactorsTable } from '../../../lambdas/adapters/dynamodb/code-factors-table';
import { describeCodeFactorStoreContract } from '../../contract/code-factor-store.contract';
import { useDynalite } from '../../support/dynalite';

const dynalite = useDynalite();

describeCodeFactorStoreContract('CodeFactorsTable', async () => {
  const { db, createTable } = dynalite();
  return new CodeFactorsTable(db, await createTable('factors'));
});
