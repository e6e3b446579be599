import { AccountStateError } from '../../errors';
import type { AccountStore, AuditLog, CodeFactorStore, FactorStore, SessionStore } from '../../ports';

export interface ResetSecondFactorsDeps {
  accounts: AccountStore;
  factors: FactorStore;
  codeFactors: CodeFactorStore;
  sessions: SessionStore;
  audit: AuditLog;
}

export interface SecondFactorsReset {
  loginId: string;
  /** What was removed, by kind (recovery codes count as one set). */
  removed: { passkeys: number; authenticator: boolean; recoveryCodes: boolean };
  sessionsEnded: number;
}

/**
 * Ops `reset-mfa`, for a merchant who lost the device (after the identity check of the support
 * procedure): every second factor and the recovery codes go; the merchant signs in with the
 * password and sets a factor up again (at once where the policy requires one).
 * 1. The account must exist and have a second factor; otherwise refused (audited), nothing changed.
 * 2. Every session ends first: a session opened with a lost device must not outlive its factor.
 * 3. Every factor record goes (through the login-ID index), and the app and the recovery codes by
 *    key as well, since an index read may miss a write of the last moments. Each removal can be
 *    done again, so running the command again after a failure finishes the job.
 * 4. Audited with the operator's reason and what was removed (never a secret).
 */
export async function resetSecondFactors(
  loginId: string,
  change: { reason: string; operator: string },
  deps: ResetSecondFactorsDeps,
): Promise<SecondFactorsReset> {
  const by = { requestReason: change.reason, operator: change.operator };
  const refuse = (problem: string, message: string): never => {
    deps.audit.record({ event: 'mfa.reset', outcome: 'failure', loginId, reason: problem, ...by });
    throw new AccountStateError(loginId, message);
  };

  if (!(await deps.accounts.get(loginId))) return refuse('unknown login ID', `No account ${loginId}.`);
  const [records, authenticator, recoveryCodes] = await Promise.all([
    deps.factors.listOf(loginId),
    deps.codeFactors.authenticatorOf(loginId),
    deps.codeFactors.recoveryCodesOf(loginId),
  ]);
  if (records.length === 0 && !authenticator && !recoveryCodes) {
    return refuse('no second factor', `${loginId} has no second factor (nor a set-up in progress); nothing was changed.`);
  }

  const sessionsEnded = await deps.sessions.deleteAllOf(loginId);
  await deps.factors.removeAllOf(loginId);
  await deps.codeFactors.removeAuthenticator(loginId);
  await deps.codeFactors.removeRecoveryCodes(loginId);

  const removed = {
    passkeys: records.filter((r) => r.kind === 'passkey').length,
    authenticator: !!authenticator,
    recoveryCodes: !!recoveryCodes,
  };
  deps.audit.record({
    event: 'mfa.reset',
    outcome: 'success',
    loginId,
    reason: change.reason,
    operator: change.operator,
    ...removed,
    sessionsEnded,
  });
  return { loginId, removed, sessionsEnded };
}
