import { PasskeyFailedError } from '../../errors';
import { sessionStepIdHash, stepProblem } from '../../passkeys';
import type { PasskeyResponse } from '../../ports';
import { checkPasskey, recordUse } from '../shared/check-passkey';
import type { PasskeyDeps } from '../shared/passkey-deps';
import { signedInAccount, type SignedInDeps } from '../shared/signed-in-account';

const PROOF_FAILED = 'パスキーで本人確認できませんでした。もう一度お試しください。';

/**
 * 本人確認 with a passkey, second half.
 * 1. The session must stand for an active account.
 * 2. This session's proof challenge is taken (single use); it must be unexpired.
 * 3. The answer must pass (checkPasskey) with one of the merchant's own passkeys.
 * 4. The use is recorded and the session counts as proved now; audited either way.
 */
export async function proveWithPasskey(
  sessionId: string | undefined,
  input: { response: PasskeyResponse },
  deps: SignedInDeps & PasskeyDeps,
): Promise<void> {
  const { session, account } = await signedInAccount(sessionId, deps);
  const { loginId, email } = account;
  const now = deps.clock.now();
  const refuse = (reason: string): never => {
    deps.audit.record({ event: 'passkey.proof', outcome: 'failure', loginId, email, reason });
    throw new PasskeyFailedError(reason, PROOF_FAILED);
  };
  const step = await deps.steps.take(sessionStepIdHash(session.sessionIdHash, 'passkey-proof'));
  const problem = stepProblem(step, 'passkey-proof', now);
  if (problem) return refuse(problem);
  const checked = await checkPasskey(input.response, step!.challenge!, deps, loginId);
  if (!checked.ok) return refuse(checked.reason);

  await recordUse(checked.passkey, deps);
  await deps.sessions.recordProof(session.sessionIdHash, now.toISOString());
  deps.audit.record({ event: 'passkey.proof', outcome: 'success', loginId, email });
}
