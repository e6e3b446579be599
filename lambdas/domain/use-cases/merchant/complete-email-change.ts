import type { MailWording } from '../../emails/common';
import { emailChangedEmail } from '../../emails/notices';
import { EmailUnavailableError, LinkInvalidError } from '../../errors';
import { maskEmail } from '../../mask-email';
import type { Identity, Mailer } from '../../ports';
import { redeemRequest, type RedeemRequestDeps } from '../shared/redeem-request';
import { sendNotice } from '../shared/send-notice';

export interface CompleteEmailChangeDeps extends RedeemRequestDeps {
  identity: Identity;
  mailer: Mailer;
  wording: MailWording;
}

/**
 * メールアドレス変更 → パスコード → 設定: the new address, proven by its two emails, becomes the
 * account's login email.
 * 1. The link and the passcode are judged, and the request claimed and used up, as for every
 *    two-email request (redeemRequest); steps 2 and 3 run inside it.
 * 2. The address must still be free: one another account has taken since the request is refused.
 * 3. Cognito's username becomes the new address, then the account's email, only while this
 *    request is still the live one; if a newer one won, Cognito is put back ("replaced").
 * 4. The change is audited (the old address masked), and the old address is told, with the new
 *    one masked (so a merchant learns of a change they did not make).
 */
export async function completeEmailChange(input: { token: string; passcode: string }, deps: CompleteEmailChangeDeps): Promise<void> {
  let oldEmail = '';
  const { request } = await redeemRequest('emailChange', input, deps, {
    check: async ({ request }) => {
      if (await deps.accounts.findByEmail(request.email)) {
        // Taken since the request: the merchant proved the address is theirs, so saying so is safe.
        throw new EmailUnavailableError('このメールアドレスは他のアカウントで使用されているため、変更できません。');
      }
    },
    apply: async ({ account, request }) => {
      oldEmail = account.email!;
      await deps.identity.changeEmail(oldEmail, request.email);
      if (!(await deps.accounts.changeEmail(account.loginId, request.tokenHash, request.email))) {
        // A newer request won meanwhile: put Cognito back, so directory and account agree on one email.
        await deps.identity.changeEmail(request.email, oldEmail);
        throw new LinkInvalidError('replaced');
      }
    },
  });
  deps.audit.record({
    event: 'email-change.completed',
    outcome: 'success',
    loginId: request.loginId,
    email: request.email,
    previousEmail: maskEmail(oldEmail),
  });
  await sendNotice(
    deps,
    emailChangedEmail(oldEmail, maskEmail(request.email), deps.clock.now().toISOString(), deps.wording),
    request.loginId,
  );
}
