import { createAccount, type NewAccount } from '../lambdas/domain/use-cases/ops/create-account';
import { opsDeps } from './context';
import type { Target } from './target';

export async function provisionAccount(account: NewAccount | string, target: Target) {
  return createAccount(account, await opsDeps(target));
}
