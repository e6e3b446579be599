import { describeRequestStoreContract } from '../../contract/request-store.contract';
import { FakeRequestStore } from './request-store';

describeRequestStoreContract('FakeRequestStore', () => new FakeRequestStore());
