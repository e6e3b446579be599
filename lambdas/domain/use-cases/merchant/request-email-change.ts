import { ValidationError } from '../../errors';
import { canonicalEmail } from '../../email-address';
import { requireFreshProof } from '../../fresh-proof';
import type { RateRule } from '../../limits';
import { takeMailRate } from '../../mail-rate';
import { checkCurrentPassword, type CheckCurrentPasswordDeps } from '../shared/check-current-password';
import { signedInAccount, type SignedInDeps } from '../shared/signed-in-account';
import { startRequest, type StartRequestDeps } from '../shared/start-request';

export interface RequestEmailChangeDeps extends SignedInDeps, StartRequestDeps, CheckCurrentPasswordDeps {
  mailRate: RateRule;
}

/**
 * メールアドレス変更 (signed in): the new address must be proven by the two-email pattern.
 * 1. The session must stand for an active account (signedInAccount).
 * 2. The merchant shows who they are, so a stolen session cannot move the account to another
 *    address (and then reset the password there): the current password must be right
 *    (checkCurrentPassword: the login lock guards it, a wrong one counts towards it; audited,
 *    nothing sent). Without a password the session must have been proved within the last
 *    minutes (requireFreshProof: a sign-in, a password or a passkey proof), else PROOF_REQUIRED.
 * 3. The current address is refused as the new one.
 * 4. Count the request per account (past the limit: 429, which tells the merchant only about
 *    their own account) and per address, free or taken alike.
 * 5. An address another account uses, or one past its hourly mails, gets the very same answer
 *    and no mail (audited), so the page never tells whether it is registered. (The handler
 *    evens out the time the paths take.)
 * 6. The two-email proof goes to the new address (startRequest). Until the proof is complete the
 *    old email stays the login ID.
 */
export async function requestEmailChange(
  sessionId: string | undefined,
  input: { newEmail: string; currentPassword?: string },
  deps: RequestEmailChangeDeps,
): Promise<void> {
  const { audit, accounts, clock } = deps;
  const { session, account } = await signedInAccount(sessionId, deps);
  const newEmail = canonicalEmail(input.newEmail);
  // A refused password names the current email: the one its login lock counts.
  const passwordLine = (reason: string) =>
    ({ event: 'email-change.requested', outcome: 'failure', loginId: account.loginId, email: account.email, reason }) as const;
  if (input.currentPassword === undefined) requireFreshProof(session, clock.now());
  else await checkCurrentPassword(account, input.currentPassword, passwordLine, deps);
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
