import { describeFactorStoreContract } from '../../contract/factor-store.contract';
import { FakeFactorStore } from './factor-store';

describeFactorStoreContract('FakeFactorStore', async () => {
  const store = new FakeFactorStore();
  return { store, seed: async (key, record) => store.seed(key, record) };
});
