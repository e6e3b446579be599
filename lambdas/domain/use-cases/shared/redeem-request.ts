import { LinkInvalidError, PasscodeWrongError, PasswordPolicyError } from '../../errors';
import type { RequestKind } from '../../model';
import { passcodeMatches } from '../../passcode';
import { passwordViolations } from '../../password-policy';
import { AUDIT_PREFIX, openRequest, type OpenRequest, type OpenRequestDeps } from './open-request';

export interface RedeemRequestDeps extends OpenRequestDeps {
  passcodeKey: string;
  maxPasscodeAttempts: number;
}

export interface Redemption {
  token: string;
  passcode: string;
  /** For the kinds that set a password: judged before the passcode, so a typo costs no attempt. */
  newPassword?: { password: string; confirmation: string };
}

/** A submission that has not finished within this long is taken to have died. */
const CLAIM_TIMEOUT_MS = 60_000;

/**
 * The completion of any two-email request.
 * 1. The link must still stand for the account's live request of this kind.
 * 2. A new password, when there is one, must meet the policy; a refusal is audited.
 * 3. The passcode must match; each miss counts (audited), and the last allowed miss voids the
 *    request. A miss that can no longer be counted, because another submission took the request,
 *    answers what became of it, or that it is taken.
 * 4. `check` runs what else must hold before anything changes (e.g. password history).
 * 5. One submission claims the request; a second click or tab finds it taken.
 * 6. `apply` makes the change. If it fails the claim is released, so the merchant can simply
 *    submit again; if it succeeds the request is used up. Both only while the claim is still
 *    this submission's (one that went stale may have been taken over by another).
 */
export async function redeemRequest(
  kind: RequestKind,
  input: Redemption,
  deps: RedeemRequestDeps,
  steps: { check?: (opened: OpenRequest) => Promise<void>; apply: (opened: OpenRequest) => Promise<void> },
): Promise<OpenRequest> {
  const { audit, requests } = deps;
  const prefix = AUDIT_PREFIX[kind];
  const opened = await openRequest(kind, input.token, deps);
  const { tokenHash, loginId, email } = opened.request;

  if (input.newPassword) {
    const context = { email: opened.account.email ?? email, loginId, confirmation: input.newPassword.confirmation };
    const violations = passwordViolations(input.newPassword.password, context);
    if (violations.length > 0) {
      audit.record({
        event: `${prefix}.password-refused`,
        outcome: 'failure',
        loginId,
        email,
        reason: violations.map((v) => v.rule).join(','),
      });
      throw new PasswordPolicyError(violations.map(({ rule, message }) => ({ rule, message })));
    }
  }

  if (!passcodeMatches(deps.passcodeKey, tokenHash, input.passcode, opened.request.passcodeHash)) {
    const wrong = await requests.recordWrongPasscode(tokenHash, deps.maxPasscodeAttempts);
    if (wrong === undefined) {
      // Another submission took the request meanwhile: report what became of it, or that it is taken.
      await openRequest(kind, input.token, deps);
      throw new LinkInvalidError('used');
    }
    audit.record({ event: `${prefix}.passcode-failed`, outcome: 'failure', loginId, email, wrongPasscodes: wrong });
    if (wrong >= deps.maxPasscodeAttempts) {
      audit.record({ event: `${prefix}.voided`, outcome: 'failure', loginId, email, reason: 'too many wrong passcodes' });
      throw new LinkInvalidError('voided');
    }
    throw new PasscodeWrongError(deps.maxPasscodeAttempts - wrong);
  }

  await steps.check?.(opened);

  const now = deps.clock.now();
  const claimedAt = now.toISOString();
  const staleBefore = new Date(now.getTime() - CLAIM_TIMEOUT_MS).toISOString();
  if (!(await requests.claim(tokenHash, claimedAt, staleBefore))) throw new LinkInvalidError('used');
  try {
    await steps.apply(opened);
  } catch (error) {
    await requests.release(tokenHash, claimedAt);
    throw error;
  }
  await requests.markUsed(tokenHash, claimedAt);
  return opened;
}
