import { openSecret, stepOfCode } from '../../authenticator-code';
import type { MailWording } from '../../emails/common';
import { recoveryCodeUsedEmail } from '../../emails/second-factor';
import { CodeWrongError, InvalidCredentialsError, SecondStepExpiredError } from '../../errors';
import type { LockoutRule } from '../../limits';
import { lockoutGuard } from '../../lockout';
import { isActive, type Client } from '../../model';
import type { AccountStore, AuditLog, Clock, CodeFactorStore, LimitStore, Mailer, StepStore } from '../../ports';
import { hashRecoveryCode } from '../../recovery-codes';
import { hashSessionId } from '../../session-id';
import { sendNotice } from '../shared/send-notice';
import { startSession, type StartedSession, type StartSessionDeps } from '../shared/start-session';

export interface CompleteSecondFactorDeps extends StartSessionDeps {
  accounts: AccountStore;
  steps: StepStore;
  codeFactors: CodeFactorStore;
  limits: LimitStore;
  lockout: LockoutRule;
  audit: AuditLog;
  clock: Clock;
  mailer: Mailer;
  wording: MailWording;
  totpKey: string;
}

export type SecondFactorAnswer = { code: string } | { recoveryCode: string };

/**
 * 確認コードの入力: the second sign-in step, after a right password.
 * 1. The browser's step (its cookie) must exist, be for this purpose and within its 5 minutes,
 *    and its account still active; else the merchant is asked to log in again (an expired step
 *    is removed).
 * 2. While the email's login lock holds, the step ends and the answer is the login's locked one.
 * 3. A 確認コード must be right now (±1 step) and later than the last one taken, and its step is
 *    taken in one conditional write (a code never works twice); a リカバリーコード is removed from
 *    the set in one conditional write (of parallel uses one wins).
 * 4. A wrong one counts towards the same lock as the password (audited); the one that locks ends
 *    the step with the login's locked answer.
 * 5. A right one takes the step (single use; a parallel completion finds it gone), clears the
 *    count and starts the session (startSession), audited. A used recovery code is audited and
 *    noticed by mail with how many remain, which the answer also carries.
 */
export async function completeSecondFactor(
  stepId: string | undefined,
  answer: SecondFactorAnswer,
  client: Client,
  deps: CompleteSecondFactorDeps,
): Promise<StartedSession & { recoveryCodesLeft?: number }> {
  const { audit, steps } = deps;
  const now = deps.clock.now();
  const stepIdHash = stepId ? hashSessionId(stepId) : undefined;
  const step = stepIdHash ? await steps.get(stepIdHash) : undefined;
  const expired = (reason: string): never => {
    audit.record({ event: 'mfa.second-factor', outcome: 'failure', loginId: step?.loginId, reason });
    throw new SecondStepExpiredError(reason);
  };
  if (step?.purpose !== 'second-factor' || !step.loginId) return expired('no step');
  if (step.expiresAt <= now.toISOString()) {
    await steps.take(step.stepIdHash);
    return expired('step expired');
  }
  const account = await deps.accounts.get(step.loginId);
  if (!isActive(account)) {
    await steps.take(step.stepIdHash);
    return expired('account inactive');
  }
  const { loginId, email } = account;
  const method = 'code' in answer ? 'authenticator' : 'recovery-code';
  const lockout = lockoutGuard('login', email, deps, now);
  const line = (reason: string) => ({ event: 'mfa.second-factor', outcome: 'failure', loginId, email, method, reason }) as const;

  const locked = await lockout.lockedReason();
  if (locked) {
    await steps.take(step.stepIdHash);
    audit.record(line(locked));
    throw new InvalidCredentialsError(locked);
  }

  const recoveryCodesLeft = 'code' in answer ? undefined : await takeRecoveryCode(loginId, answer.recoveryCode, deps, now);
  const passed = 'code' in answer ? await takeAuthenticatorCode(loginId, answer.code, deps, now) : recoveryCodesLeft !== undefined;
  if (!passed) {
    if (await lockout.failed(line('wrong code'))) {
      await steps.take(step.stepIdHash);
      throw new InvalidCredentialsError('locked');
    }
    throw new CodeWrongError(
      method === 'authenticator' ? undefined : 'リカバリーコードが正しくないか、すでに使用されています。お手元のコードを確かめてください。',
    );
  }

  if (!(await steps.take(step.stepIdHash))) return expired('step taken');
  await lockout.passed();
  audit.record({ event: 'mfa.second-factor', outcome: 'success', loginId, email, method });
  const started = await startSession(account, method === 'authenticator' ? 'password+totp' : 'password+recovery-code', client, deps, now);
  if (recoveryCodesLeft === undefined) return started;
  audit.record({ event: 'mfa.recovery-code.used', outcome: 'success', loginId, email, remaining: recoveryCodesLeft });
  await sendNotice(deps, recoveryCodeUsedEmail(email, now.toISOString(), recoveryCodesLeft, deps.wording), loginId);
  return { ...started, recoveryCodesLeft };
}

async function takeAuthenticatorCode(loginId: string, code: string, deps: CompleteSecondFactorDeps, now: Date): Promise<boolean> {
  const authenticator = await deps.codeFactors.authenticatorOf(loginId);
  if (!authenticator?.confirmedAt) return false;
  const secret = openSecret(deps.totpKey, loginId, authenticator.sealedSecret);
  const step = await stepOfCode(secret, code.trim(), now, authenticator.lastUsedStep);
  return step !== undefined && (await deps.codeFactors.takeAuthenticatorStep(loginId, step, now.toISOString()));
}

function takeRecoveryCode(loginId: string, code: string, deps: CompleteSecondFactorDeps, now: Date): Promise<number | undefined> {
  return deps.codeFactors.takeRecoveryCode(loginId, hashRecoveryCode(deps.totpKey, loginId, code), now.toISOString());
}
