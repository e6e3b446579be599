import { PasskeyFailedError } from '../../errors';
import { isActive, type Client } from '../../model';
import { newChallenge, rpIdOf } from '../../passkeys';
import type { PasskeyOptions, PasskeyResponse } from '../../ports';
import { hashSessionId } from '../../session-id';
import { checkPasskey, recordUse } from '../shared/check-passkey';
import type { PasskeyDeps } from '../shared/passkey-deps';
import { startSession, type StartedSession, type StartSessionDeps } from '../shared/start-session';

const SECOND_STEP_FAILED = 'パスキーで確認できませんでした。もう一度お試しください。';

/**
 * ログイン, second step with a passkey (after a correct password), first half.
 * 1. The step cookie's second-factor step must stand, unexpired.
 * 2. A new challenge is kept on that same step (one challenge at a time).
 * 3. The options allow only that merchant's passkeys, with user verification.
 */
export async function startPasskeySecondStep(stepId: string | undefined, deps: PasskeyDeps): Promise<PasskeyOptions> {
  const now = deps.clock.now();
  const step = stepId ? await deps.steps.get(hashSessionId(stepId)) : undefined;
  if (step?.purpose !== 'second-factor' || !step.loginId || now.toISOString() >= step.expiresAt) {
    const reason = !step ? 'no second-factor step' : step.purpose !== 'second-factor' ? `step for ${step.purpose}` : 'step expired';
    deps.audit.record({ event: 'passkey.second-step', outcome: 'failure', loginId: step?.loginId, reason });
    throw new PasskeyFailedError(reason, SECOND_STEP_FAILED);
  }
  const challenge = newChallenge(deps.random);
  await deps.steps.put({ ...step, challenge });
  const allow = await deps.passkeys.passkeysOf(step.loginId);
  return deps.ceremonies.authenticationOptions({ rpId: rpIdOf(deps.siteUrl), challenge, allow });
}

/**
 * ログイン, second step with a passkey, second half.
 * 1. The second-factor step must stand, unexpired, with a challenge.
 * 2. The answer must pass (checkPasskey) with a passkey of the step's own account.
 * 3. The step is taken (one submission only) and the account must be active.
 * 4. The use is recorded and the session starts (password+passkey).
 * Each failure is audited with its reason; a failed answer leaves the step for another try.
 */
export async function finishPasskeySecondStep(
  stepId: string | undefined,
  input: { response: PasskeyResponse },
  client: Client,
  deps: PasskeyDeps & StartSessionDeps,
): Promise<StartedSession> {
  const now = deps.clock.now();
  const stepIdHash = stepId ? hashSessionId(stepId) : undefined;
  const step = stepIdHash ? await deps.steps.get(stepIdHash) : undefined;
  const refuse = (reason: string): never => {
    deps.audit.record({ event: 'passkey.second-step', outcome: 'failure', loginId: step?.loginId, reason });
    throw new PasskeyFailedError(reason, SECOND_STEP_FAILED);
  };
  if (step?.purpose !== 'second-factor' || !step.loginId) return refuse('no second-factor step');
  if (now.toISOString() >= step.expiresAt) return refuse('step expired');
  if (!step.challenge) return refuse('no challenge asked');
  const checked = await checkPasskey(input.response, step.challenge, deps, step.loginId);
  if (!checked.ok) return refuse(checked.reason);
  const taken = await deps.steps.take(stepIdHash!);
  if (taken?.challenge !== step.challenge) return refuse('step used meanwhile');
  const account = await deps.accounts.get(step.loginId);
  if (!isActive(account)) return refuse(account?.disabled ? 'account disabled' : 'account inactive');

  await recordUse(checked.passkey, deps);
  deps.audit.record({ event: 'passkey.second-step', outcome: 'success', loginId: account.loginId, email: account.email });
  return startSession(account, 'password+passkey', client, deps, now);
}
