import { AccountStateError } from '../../errors';
import type { LetterAddress } from '../../model';
import type { AccountStore, AuditLog } from '../../ports';

export interface UpdateLetterAddressDeps {
  accounts: Pick<AccountStore, 'setLetterAddress'>;
  audit: AuditLog;
}

/**
 * Ops: the address the account's letters go to (a letter without one would go to nobody).
 * 1. In one conditional write the whole address block is replaced, only on an account that
 *    exists; an unknown login ID is refused and audited as a failure.
 * 2. Audited with the operator and which fields the block holds (not the address itself:
 *    `status` shows it to whoever needs it).
 */
export async function updateLetterAddress(
  loginId: string,
  letter: LetterAddress,
  by: { operator: string },
  deps: UpdateLetterAddressDeps,
): Promise<void> {
  const event = 'account.address-updated';
  if (!(await deps.accounts.setLetterAddress(loginId, letter))) {
    deps.audit.record({ event, outcome: 'failure', loginId, reason: 'unknown login ID', operator: by.operator });
    throw new AccountStateError(loginId, `No account ${loginId}; nothing was changed.`);
  }
  deps.audit.record({ event, outcome: 'success', loginId, fields: Object.keys(letter).join(','), operator: by.operator });
}
