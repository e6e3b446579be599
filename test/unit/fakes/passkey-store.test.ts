import { describePasskeyStoreContract } from '../../contract/passkey-store.contract';
import { FakePasskeyStore } from './passkey-store';

describePasskeyStoreContract('FakePasskeyStore', async () => new FakePasskeyStore());
