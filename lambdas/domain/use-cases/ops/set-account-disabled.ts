import { AccountStateError } from '../../errors';
import { japanConsoleTime } from '../../japan-time';
import type { Account } from '../../model';
import type { AccountStore, AuditLog, Clock, SessionStore } from '../../ports';

export interface SetAccountDisabledDeps {
  accounts: AccountStore;
  sessions: SessionStore;
  audit: AuditLog;
  clock: Clock;
}

/** Why the write did not apply, from the account as it is now: for the audit and the operator. */
function refusal(loginId: string, disabling: boolean, account: Account | undefined): { problem: string; message: string } {
  if (!account) return { problem: 'unknown login ID', message: `No account ${loginId}.` };
  const { disabled } = account;
  if (disabling && disabled) {
    return {
      problem: 'already disabled',
      message: `${loginId} is already disabled (since ${japanConsoleTime(disabled.at)}, by ${disabled.by}, reason: ${disabled.reason}); nothing was changed.`,
    };
  }
  if (!disabling && !disabled) return { problem: 'not disabled', message: `${loginId} is not disabled; nothing was changed.` };
  return { problem: 'changed meanwhile', message: `${loginId} was changed meanwhile; nothing was changed. See \`status ${loginId}\`.` };
}

/**
 * Ops: disable an account (it can then neither log in nor register, reset or change anything, and
 * its sessions end now) or enable it again. Always with a reason and the operator, for auditors.
 * 1. In one conditional write, the account is disabled (when, why and by whom kept) only while
 *    it is not disabled, or enabled only while it is: an earlier disable is never overwritten.
 *    Enabling counts as activity for the inactivity rule: its clock starts again, its warning goes.
 * 2. If the write did not apply, the account is read again to tell the operator why (no such
 *    account, already disabled since when, by whom and why, or not disabled); refused, audited
 *    as a failure.
 * 3. When it is disabled, every session of the account ends.
 * 4. Audited, with how many sessions ended.
 */
export async function setAccountDisabled(
  loginId: string,
  change: { disabled: boolean; reason: string; operator: string },
  deps: SetAccountDisabledDeps,
): Promise<void> {
  const event = change.disabled ? 'account.disabled' : 'account.enabled';
  const by = { operator: change.operator };
  const at = deps.clock.now().toISOString();
  const applied = change.disabled
    ? await deps.accounts.setDisabled(loginId, { at, reason: change.reason, by: change.operator })
    : await deps.accounts.enable(loginId, at);
  if (!applied) {
    const { problem, message } = refusal(loginId, change.disabled, await deps.accounts.get(loginId));
    // `reason` says why it failed; the operator's reason goes along as `requestReason`.
    deps.audit.record({ event, outcome: 'failure', loginId, reason: problem, requestReason: change.reason, ...by });
    throw new AccountStateError(loginId, message);
  }
  const ended = change.disabled ? await deps.sessions.deleteAllOf(loginId) : 0;
  deps.audit.record({ event, outcome: 'success', loginId, reason: change.reason, ...by, sessionsEnded: ended });
}
