import { createAccount, type NewAccount } from '../lambdas/domain/use-cases/create-account';
import { opsDeps } from './context';
import type { Target } from './target';

/** How long a letter's initial password works. */
export const INITIAL_PASSWORD_VALIDITY_DAYS = 90;

export function provisionAccount(account: NewAccount | string, target: Target) {
  return createAccount(account, { ...opsDeps(target), initialPasswordValidityDays: INITIAL_PASSWORD_VALIDITY_DAYS, letterKey: target.letterKey });
}
