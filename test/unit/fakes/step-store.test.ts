import { describeStepStoreContract } from '../../contract/step-store.contract';
import { FakeStepStore } from './step-store';

describeStepStoreContract('FakeStepStore', () => new FakeStepStore());
