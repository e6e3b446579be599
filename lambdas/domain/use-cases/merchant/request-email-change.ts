import { ValidationError } from '../../errors';
import type { RateRule } from '../../limits';
import { takeMailRate } from '../../mail-rate';
import type { LimitStore } from '../../ports';
import { signedInAccount, type SignedInDeps } from '../shared/signed-in-account';
import { startRequest, type StartRequestDeps } from '../shared/start-request';

export interface RequestEmailChangeDeps extends SignedInDeps, StartRequestDeps {
  limits: LimitStore;
  mailRate: RateRule;
}

/**
 * メールアドレス変更 (signed in): the new address must be proven by the two-email pattern.
 * 1. The session must stand for an active account (signedInAccount).
 * 2. The current address is refused as the new one.
 * 3. Count the request per account (past the limit: 429, which tells the merchant only about
 *    their own account) and per address, free or taken alike.
 * 4. An address another account uses, or one past its hourly mails, gets the very same answer
 *    and no mail (audited), so the page never tells whether it is registered. (The handler
 *    evens out the time the paths take.)
 * 5. The two-email proof goes to the new address (startRequest). Until the proof is complete the
 *    old email stays the login ID.
 */
export async function requestEmailChange(
  sessionId: string | undefined,
  input: { newEmail: string },
  deps: RequestEmailChangeDeps,
): Promise<void> {
  const { audit, accounts, clock } = deps;
  const { account } = await signedInAccount(sessionId, deps);
  const newEmail = input.newEmail.toLowerCase();
  if (newEmail === account.email)
    throw new ValidationError({ newEmail: '現在のメールアドレスと同じです。新しいメールアドレスを入力してください。' });

  const mayMail = await takeMailRate('email-change.requested', { loginId: account.loginId, email: newEmail }, deps, clock.now());
  if (await accounts.findByEmail(newEmail)) {
    audit.record({
      event: 'email-change.requested',
      outcome: 'failure',
      loginId: account.loginId,
      email: newEmail,
      reason: 'email in use',
    });
    return;
  }
  if (!mayMail) return;
  await startRequest('emailChange', account.loginId, newEmail, deps);
}
