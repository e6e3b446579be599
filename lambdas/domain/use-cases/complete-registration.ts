import { LinkInvalidError, PasscodeWrongError, PasswordPolicyError } from '../errors';
import { passcodeMatches } from '../passcode';
import { hashPassword, matchesAny } from '../password-hash';
import { passwordViolations, RULE_MESSAGES } from '../password-policy';
import type { Identity } from '../ports';
import { openRegistration, type OpenRegistrationDeps } from './open-registration';

export interface CompleteRegistrationDeps extends OpenRegistrationDeps {
  identity: Identity;
  passcodeKey: string;
  maxPasscodeAttempts: number;
  historySize: number;
}

export interface RegistrationCompletion {
  token: string;
  passcode: string;
  newPassword: string;
  newPasswordConfirmation: string;
}

/** A submission that has not finished within this long is taken to have died. */
const CLAIM_TIMEOUT_MS = 60_000;

/**
 * パスコード入力 → 設定.
 * 1. The link must still stand for the account's one pending request.
 * 2. The new password must meet the policy (before the passcode, so a typo there costs no attempt).
 * 3. The passcode must match; each miss counts, and the last allowed miss voids the request.
 * 4. The password must not be one of the recent ones (the initial password counts).
 * 5. One submission claims the request; a second click or tab finds it taken.
 * 6. Cognito gets the user and password, then the account becomes registered with the email.
 *    If either step fails the claim is released, so the merchant can simply submit again.
 */
export async function completeRegistration(input: RegistrationCompletion, deps: CompleteRegistrationDeps) {
  const { audit, requests } = deps;
  const { request, account } = await openRegistration(input.token, deps);
  const { tokenHash, loginId, email } = request;

  const violations = passwordViolations(input.newPassword, {
    email,
    loginId,
    confirmation: input.newPasswordConfirmation,
  });
  if (violations.length > 0) {
    audit.record({ event: 'registration.password-refused', outcome: 'failure', loginId, email, reason: violations.map((v) => v.rule).join(',') });
    throw new PasswordPolicyError(violations.map(({ rule, message }) => ({ rule, message })));
  }

  if (!passcodeMatches(deps.passcodeKey, tokenHash, input.passcode, request.passcodeHash)) {
    const wrong = await requests.recordWrongPasscode(tokenHash, deps.maxPasscodeAttempts);
    if (wrong === undefined) {
      // Another submission took the request meanwhile: report what became of it, or that it is taken.
      await openRegistration(input.token, deps);
      throw new LinkInvalidError('used');
    }
    audit.record({ event: 'registration.passcode-failed', outcome: 'failure', loginId, email, wrongPasscodes: wrong });
    if (wrong >= deps.maxPasscodeAttempts) {
      audit.record({ event: 'registration.voided', outcome: 'failure', loginId, email, reason: 'too many wrong passcodes' });
      throw new LinkInvalidError('voided');
    }
    throw new PasscodeWrongError(deps.maxPasscodeAttempts - wrong);
  }

  const history = [...account.passwordHistory, ...(account.initialPasswordHash ? [account.initialPasswordHash] : [])];
  if (await matchesAny(input.newPassword, history.slice(0, deps.historySize))) {
    audit.record({ event: 'registration.password-refused', outcome: 'failure', loginId, email, reason: 'history' });
    throw new PasswordPolicyError([{ rule: 'history', message: RULE_MESSAGES.history }]);
  }

  const now = deps.clock.now();
  const staleBefore = new Date(now.getTime() - CLAIM_TIMEOUT_MS).toISOString();
  if (!(await requests.claim(tokenHash, now.toISOString(), staleBefore))) throw new LinkInvalidError('used');

  try {
    await deps.identity.register({ email, loginId, password: input.newPassword });
    const newHash = await hashPassword(input.newPassword);
    const completed = await deps.accounts.completeRegistration(loginId, tokenHash, {
      email,
      passwordHistory: [newHash, ...history].slice(0, deps.historySize),
      registeredAt: now.toISOString(),
    });
    if (!completed) throw new LinkInvalidError('replaced');
  } catch (error) {
    await requests.release(tokenHash);
    throw error;
  }
  await requests.markUsed(tokenHash);
  audit.record({ event: 'registration.completed', outcome: 'success', loginId, email });
}
