import { describeCodeFactorStoreContract } from '../../contract/code-factor-store.contract';
import { FakeCodeFactorStore } from './code-factor-store';

describeCodeFactorStoreContract('FakeCodeFactorStore', () => new FakeCodeFactorStore());
