import { SecondFactorStateError } from '../../errors';
import { requireFreshProof } from '../../fresh-proof';
import { issueRecoveryCodes, type IssueRecoveryCodesDeps } from '../shared/issue-recovery-codes';
import { hasSecondFactor } from '../shared/second-factors';
import { signedInAccount, type SignedInDeps } from '../shared/signed-in-account';

export type RegenerateRecoveryCodesDeps = SignedInDeps & IssueRecoveryCodesDeps;

/**
 * リカバリーコードの再発行 (signed in, proved within minutes).
 * 1. The session must stand and have been proved lately; the merchant must have a second factor
 *    (the codes back one up).
 * 2. Ten new codes replace the set: every earlier code stops working at once. Audited; the codes
 *    are returned to be shown once.
 */
export async function regenerateRecoveryCodes(sessionId: string | undefined, deps: RegenerateRecoveryCodesDeps): Promise<string[]> {
  const { session, account } = await signedInAccount(sessionId, deps);
  const { loginId, email } = account;
  requireFreshProof(session, deps.clock.now());
  if (!(await hasSecondFactor(loginId, deps))) {
    deps.audit.record({ event: 'mfa.recovery-codes.regenerated', outcome: 'failure', loginId, email, reason: 'no factor' });
    throw new SecondFactorStateError('no factor', 'リカバリーコードは、認証アプリなどの2段階認証を設定すると発行されます。');
  }
  const codes = await issueRecoveryCodes(loginId, deps);
  deps.audit.record({ event: 'mfa.recovery-codes.regenerated', outcome: 'success', loginId, email });
  return codes;
}
