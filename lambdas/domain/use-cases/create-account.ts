import { newInitialPassword } from '../initial-password';
import { sealPassword } from '../letter-seal';
import type { Account, LetterAddress } from '../model';
import { hashPassword } from '../password-hash';
import type { AccountStore, AuditLog, Clock, Random } from '../ports';

export interface CreateAccountDeps {
  accounts: AccountStore;
  audit: AuditLog;
  clock: Clock;
  random: Random;
  initialPasswordValidityDays: number;
  /** Seals the initial password until its letter is produced (ops `letters`). */
  letterKey: string;
}

export interface NewAccount {
  loginId: string;
  letter?: LetterAddress;
  /** The import run that provisioned it, so `letters --from-import RUN` finds its letters. */
  importRun?: string;
}

/**
 * Ops provisioning: a new account for a merchant's letter. The initial password is returned once
 * and kept sealed for exactly one letter; the account stores only its slow hash.
 */
export async function createAccount(request: NewAccount | string, deps: CreateAccountDeps) {
  const { loginId, letter, importRun } = typeof request === 'string' ? { loginId: request } : request;
  const now = deps.clock.now().toISOString();
  const initialPassword = newInitialPassword(deps.random);
  const account: Account = {
    loginId,
    status: 'invited',
    initialPasswordHash: await hashPassword(initialPassword),
    initialPasswordExpiresAt: new Date(Date.parse(now) + deps.initialPasswordValidityDays * 86_400_000).toISOString(),
    passwordHistory: [],
    letter,
    pendingLetter: { sealedPassword: sealPassword(deps.letterKey, loginId, initialPassword), issuedAt: now, importRun },
    createdAt: now,
  };
  try {
    await deps.accounts.create(account);
  } catch (error) {
    deps.audit.record({ event: 'account.created', outcome: 'failure', loginId, reason: (error as Error).name });
    throw error;
  }
  deps.audit.record({ event: 'account.created', outcome: 'success', loginId, importRun, initialPasswordExpiresAt: account.initialPasswordExpiresAt });
  return { loginId, initialPassword, initialPasswordExpiresAt: account.initialPasswordExpiresAt! };
}
