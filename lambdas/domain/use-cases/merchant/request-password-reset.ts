import { MailNotSentError } from '../../errors';
import { canonicalEmail } from '../../email-address';
import type { RateRule } from '../../limits';
import { takeMailRate } from '../../mail-rate';
import { isActive } from '../../model';
import type { LimitStore } from '../../ports';
import { startRequest, type StartRequestDeps } from '../shared/start-request';

export interface RequestPasswordResetDeps extends StartRequestDeps {
  limits: LimitStore;
  mailRate: RateRule;
}

/**
 * パスワードを忘れた方はこちら: the registered email only.
 * 1. Count the request per address — every address alike, known or not. Past the limit the mail
 *    is silently not sent (audited) and the answer stays the same, so even the throttle cannot
 *    tell a registered address from an unknown one (mail-rate.ts).
 * 2. Only a registered, active account gets the two-email proof; anyone else gets the very same
 *    answer and no mail (audited), so the page never tells whether an email is registered. (The
 *    handler evens out the time the two paths take.)
 * 3. The two-email proof goes to the address (startRequest); should it fail, the answer is the
 *    same again and the failure is audited.
 */
export async function requestPasswordReset(input: { email: string }, deps: RequestPasswordResetDeps): Promise<void> {
  const { accounts, audit, clock } = deps;
  const email = canonicalEmail(input.email);
  if (!(await takeMailRate('password-reset.requested', { email }, deps, clock.now()))) return;

  const account = await accounts.findByEmail(email);
  if (!isActive(account) || account.email !== email) {
    const reason = !account ? 'unknown email' : account.disabled ? 'account disabled' : `account ${account.status}`;
    audit.record({ event: 'password-reset.requested', outcome: 'failure', loginId: account?.loginId, email, reason });
    return;
  }
  try {
    await startRequest('passwordReset', account.loginId, email, deps);
  } catch (error) {
    // A failure must not answer differently from an unknown address; the log tells ops.
    if (!(error instanceof MailNotSentError)) {
      audit.record({
        event: 'password-reset.requested',
        outcome: 'failure',
        loginId: account.loginId,
        email,
        reason: (error as Error).name,
      });
    }
  }
}
