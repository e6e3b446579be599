import { issueInitialPassword, type IssueInitialPasswordDeps } from '../../initial-letter';
import type { Account, LetterAddress } from '../../model';
import type { AccountStore, AuditLog } from '../../ports';

export interface CreateAccountDeps extends IssueInitialPasswordDeps {
  accounts: AccountStore;
  audit: AuditLog;
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
 * 1. A new initial password is issued: its slow hash, its expiry and its sealed letter (with the
 *    import run, if any).
 * 2. The account is created, invited, with an empty password history; a login ID already taken
 *    is refused (audited).
 * 3. The creation is audited; the initial password and its expiry are returned.
 */
export async function createAccount(request: NewAccount | string, deps: CreateAccountDeps) {
  const { loginId, letter, importRun } = typeof request === 'string' ? { loginId: request } : request;
  const { initialPassword, issuedAt, stored } = await issueInitialPassword(loginId, deps, importRun);
  const account: Account = { loginId, status: 'invited', ...stored, passwordHistory: [], letter, createdAt: issuedAt };
  try {
    await deps.accounts.create(account);
  } catch (error) {
    deps.audit.record({ event: 'account.created', outcome: 'failure', loginId, reason: (error as Error).name });
    throw error;
  }
  deps.audit.record({
    event: 'account.created',
    outcome: 'success',
    loginId,
    importRun,
    initialPasswordExpiresAt: account.initialPasswordExpiresAt,
  });
  return { loginId, initialPassword, initialPasswordExpiresAt: stored.initialPasswordExpiresAt };
}
