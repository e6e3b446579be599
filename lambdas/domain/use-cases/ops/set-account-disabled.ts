import type { AccountStore, AuditLog, Clock, SessionStore } from '../../ports';

export interface SetAccountDisabledDeps {
  accounts: AccountStore;
  sessions: SessionStore;
  audit: AuditLog;
  clock: Clock;
}

/**
 * Ops: disable an account (it can then neither log in nor register, reset or change anything, and
 * its sessions end now) or enable it again. Always with a reason and the operator, for auditors.
 * 1. The account, if it exists, is disabled (when, why and by whom kept) or enabled.
 * 2. When it is disabled, every session of the account ends.
 * 3. Audited, as a failure when there is no such account; whether there was one is returned.
 */
export async function setAccountDisabled(
  loginId: string,
  change: { disabled: boolean; reason: string; operator: string },
  deps: SetAccountDisabledDeps,
): Promise<boolean> {
  const event = change.disabled ? 'account.disabled' : 'account.enabled';
  const disabled = change.disabled ? { at: deps.clock.now().toISOString(), reason: change.reason, by: change.operator } : undefined;
  const found = await deps.accounts.setDisabled(loginId, disabled);
  const ended = found && change.disabled ? await deps.sessions.deleteAllOf(loginId) : 0;
  deps.audit.record({
    event,
    outcome: found ? 'success' : 'failure',
    loginId,
    reason: change.reason,
    operator: change.operator,
    sessionsEnded: ended,
  });
  return found;
}
