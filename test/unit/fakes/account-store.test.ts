import { describeAccountStoreContract } from '../../contract/account-store.contract';
import { FakeAccountStore } from './account-store';

describeAccountStoreContract('FakeAccountStore', () => new FakeAccountStore());
