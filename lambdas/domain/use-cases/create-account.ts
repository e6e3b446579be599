import type { Account } from '../model';
import { newInitialPassword } from '../initial-password';
import { hashPassword } from '../password-hash';
import type { AccountStore, AuditLog, Clock, Random } from '../ports';

export interface CreateAccountDeps {
  accounts: AccountStore;
  audit: AuditLog;
  clock: Clock;
  random: Random;
  initialPasswordValidityDays: number;
}

/**
 * Ops provisioning: a new account for a merchant's letter. The initial password is returned once,
 * to be printed, and stored only as a slow hash.
 */
export async function createAccount(loginId: string, deps: CreateAccountDeps) {
  const now = deps.clock.now();
  const initialPassword = newInitialPassword(deps.random);
  const account: Account = {
    loginId,
    status: 'invited',
    initialPasswordHash: await hashPassword(initialPassword),
    initialPasswordExpiresAt: new Date(now.getTime() + deps.initialPasswordValidityDays * 86_400_000).toISOString(),
    passwordHistory: [],
    createdAt: now.toISOString(),
  };
  try {
    await deps.accounts.create(account);
  } catch (error) {
    deps.audit.record({ event: 'account.created', outcome: 'failure', loginId, reason: (error as Error).name });
    throw error;
  }
  deps.audit.record({ event: 'account.created', outcome: 'success', loginId, initialPasswordExpiresAt: account.initialPasswordExpiresAt });
  return { loginId, initialPassword, initialPasswordExpiresAt: account.initialPasswordExpiresAt! };
}
