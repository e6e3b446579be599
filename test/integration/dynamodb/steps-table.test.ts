/** StepsTable keeps the StepStore contract on dynalite, through the real SDK client. */
import { StepsTable } from '../../../lambdas/adapters/dynamodb/steps-table';
import { describeStepStoreContract } from '../../contract/step-store.contract';
import { useDynalite } from '../../support/dynalite';

const dynalite = useDynalite();

describeStepStoreContract('StepsTable', async () => new StepsTable(dynalite().db, await dynalite().createTable('steps')));
