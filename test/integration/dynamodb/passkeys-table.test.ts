/** PasskeysTable keeps the PasskeyStore contract on dynalite, through the real SDK client. */
import { PasskeysTable } from '../../../lambdas/adapters/dynamodb/passkeys-table';
import { describePasskeyStoreContract } from '../../contract/passkey-store.contract';
import { useDynalite } from '../../support/dynalite';

const dynalite = useDynalite();

describePasskeyStoreContract('PasskeysTable', async () => {
  const { db, createTable } = dynalite();
  return new PasskeysTable(db, await createTable('factors'));
});
