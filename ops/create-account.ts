import { createAccount, type NewAccount } from '../lambdas/domain/use-cases/ops/create-account';
import { localProvisioningLogger, opsDeps } from './context';
import type { Target } from './target';

/** An account created by an ops command: its lines go to the command's audit trail. */
export async function provisionAccount(account: NewAccount | string, target: Target) {
  return createAccount(account, await opsDeps(target));
}

/** An account created by the local stack itself (the demo merchant, the tests'): no operator's command, so no ops trail. */
export async function provisionLocalAccount(account: NewAccount | string, target: Target) {
  return createAccount(account, await opsDeps(target, localProvisioningLogger));
}
