import { AccountStateError } from '../../errors';
import { issueInitialPassword, type IssueInitialPasswordDeps } from '../../initial-letter';
import { unlock } from '../../lockout';
import type { AccountStore, AuditLog, LimitStore } from '../../ports';

export interface ReissueInitialPasswordDeps extends IssueInitialPasswordDeps {
  accounts: AccountStore;
  limits: LimitStore;
  audit: AuditLog;
}

export interface Reissued {
  loginId: string;
  initialPassword: string;
  initialPasswordExpiresAt: string;
  /** A registration request was pending: its link and passcode no longer work. */
  registrationVoided: boolean;
  /** The letter before this one had not been produced yet (so it cannot have been lost in the post). */
  previousLetterUnprinted: boolean;
  /** Still disabled: the merchant can use the new letter only once ops enable the account. */
  disabled: boolean;
}

/**
 * Ops, for a merchant whose letter never arrived: a new initial password for an account not yet
 * registered.
 * 1. The account must exist and still be invited; otherwise refused (audited), a registered one
 *    pointed to reset-registration.
 * 2. A new initial password is issued as create-account issues one (new hash and expiry, sealed
 *    for exactly one letter).
 * 3. In one conditional write, only while the account is still invited, the old password stops
 *    working and a pending registration is voided (its link answers "replaced").
 * 4. The first-login lock of the ID is cleared.
 * 5. Audited; the new password is returned, with whether a registration was voided, whether the
 *    previous letter was still unprinted, and whether the account is disabled.
 * A failure before the write changes nothing; after it, running the command again is safe.
 */
export async function reissueInitialPassword(
  loginId: string,
  by: { operator: string },
  deps: ReissueInitialPasswordDeps,
): Promise<Reissued> {
  const { accounts, audit } = deps;
  const refuse = (reason: string, message: string): never => {
    audit.record({ event: 'account.reissued', outcome: 'failure', loginId, reason, operator: by.operator });
    throw new AccountStateError(loginId, message);
  };

  const account = await accounts.get(loginId);
  if (!account) return refuse('unknown login ID', `No account ${loginId}.`);
  if (account.status !== 'invited') {
    return refuse(
      `account ${account.status}`,
      `${loginId} is registered already (its letter was used): a new letter cannot help. ` +
        'For a merchant who lost access to their email, follow the identity check and use reset-registration.',
    );
  }

  const { initialPassword, stored } = await issueInitialPassword(loginId, deps);
  if (!(await accounts.reissueInitialPassword(loginId, stored))) {
    return refuse(
      'account no longer invited',
      `${loginId} was registered or removed meanwhile; nothing was changed. See \`status ${loginId}\`.`,
    );
  }
  await unlock(deps.limits, 'first-login', loginId);

  const registrationVoided = !!account.pendingTokenHash;
  audit.record({
    event: 'account.reissued',
    outcome: 'success',
    loginId,
    operator: by.operator,
    initialPasswordExpiresAt: stored.initialPasswordExpiresAt,
    registrationVoided,
  });
  return {
    loginId,
    initialPassword,
    initialPasswordExpiresAt: stored.initialPasswordExpiresAt,
    registrationVoided,
    previousLetterUnprinted: !!account.pendingLetter,
    disabled: !!account.disabled,
  };
}
