import { PasskeyFailedError } from '../../errors';
import { isActive, type Client } from '../../model';
import { stepProblem } from '../../passkeys';
import type { PasskeyResponse } from '../../ports';
import { hashSessionId } from '../../session-id';
import { checkPasskey, recordUse } from '../shared/check-passkey';
import type { PasskeyDeps } from '../shared/passkey-deps';
import { startSession, type StartedSession, type StartSessionDeps } from '../shared/start-session';

/**
 * パスキーでログイン, second half: a passkey with user verification is both factors at once.
 * 1. The step cookie's challenge is taken (single use); it must be a passkey sign-in's, unexpired.
 * 2. The passkey's answer must pass (checkPasskey: known credential, origin, RP ID, challenge,
 *    user verification, signature, counter, user handle).
 * 3. Its account must be active.
 * 4. The use is recorded (counter, backup state, last use) and the session starts.
 * Every failure is one answer, changes nothing, and is audited with its reason.
 */
export async function signInWithPasskey(
  stepId: string | undefined,
  input: { response: PasskeyResponse },
  client: Client,
  deps: PasskeyDeps & StartSessionDeps,
): Promise<StartedSession> {
  const now = deps.clock.now();
  const refuse = (reason: string, loginId?: string): never => {
    deps.audit.record({ event: 'passkey.sign-in', outcome: 'failure', loginId, reason });
    throw new PasskeyFailedError(reason);
  };
  const step = stepId ? await deps.steps.take(hashSessionId(stepId)) : undefined;
  const problem = stepProblem(step, 'passkey-sign-in', now);
  if (problem) return refuse(problem);
  const checked = await checkPasskey(input.response, step!.challenge!, deps);
  if (!checked.ok) return refuse(checked.reason, checked.loginId);
  const account = await deps.accounts.get(checked.passkey.loginId);
  if (!isActive(account)) return refuse(account?.disabled ? 'account disabled' : 'account inactive', checked.passkey.loginId);

  await recordUse(checked.passkey, deps);
  deps.audit.record({ event: 'passkey.sign-in', outcome: 'success', loginId: account.loginId, email: account.email });
  return startSession(account, 'passkey', client, deps, now);
}
