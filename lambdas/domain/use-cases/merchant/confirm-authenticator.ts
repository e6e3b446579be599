import { openSecret, stepOfCode } from '../../authenticator-code';
import type { MailWording } from '../../emails/common';
import { factorAddedEmail } from '../../emails/second-factor';
import { CodeWrongError, SecondFactorStateError } from '../../errors';
import type { Mailer } from '../../ports';
import { issueRecoveryCodes, type IssueRecoveryCodesDeps } from '../shared/issue-recovery-codes';
import { hasSecondFactor } from '../shared/second-factors';
import { sendNotice } from '../shared/send-notice';
import { signedInAccount, type SignedInDeps } from '../shared/signed-in-account';

export interface ConfirmAuthenticatorDeps extends SignedInDeps, IssueRecoveryCodesDeps {
  mailer: Mailer;
  wording: MailWording;
}

/**
 * 認証アプリの設定 → 確認 (signed in): the first code from the app proves it was added.
 * 1. The session must stand (one still to set up a factor too); a set-up must be waiting.
 * 2. The code must be right now (±1 step); a wrong one changes nothing (audited).
 * 3. The app becomes a factor, its code's step taken, only while it is still this set-up.
 * 4. When it is the merchant's first factor, ten recovery codes are made and returned once.
 * 5. The session's set-up mark is lifted; audited, and a notice is mailed.
 */
export async function confirmAuthenticator(
  sessionId: string | undefined,
  code: string,
  deps: ConfirmAuthenticatorDeps,
): Promise<{ recoveryCodes?: string[] }> {
  const { session, account } = await signedInAccount(sessionId, deps, { duringSetup: true });
  const { loginId, email } = account;
  const now = deps.clock.now();
  const refuse = (reason: string) => deps.audit.record({ event: 'mfa.authenticator.added', outcome: 'failure', loginId, email, reason });

  const pending = await deps.codeFactors.authenticatorOf(loginId);
  if (!pending || pending.confirmedAt) {
    refuse(pending ? 'already set up' : 'no set-up');
    throw new SecondFactorStateError('no set-up', '認証アプリの設定が始まっていません。もう一度、設定を始めてください。');
  }
  const step = await stepOfCode(openSecret(deps.totpKey, loginId, pending.sealedSecret), code, now);
  if (step === undefined) {
    refuse('wrong code');
    throw new CodeWrongError();
  }
  const first = !(await hasSecondFactor(loginId, deps));
  if (!(await deps.codeFactors.confirmAuthenticator(loginId, pending.sealedSecret, step, now.toISOString()))) {
    refuse('changed meanwhile');
    throw new SecondFactorStateError('changed meanwhile', '別の画面で認証アプリの設定が変更されました。もう一度、設定を始めてください。');
  }
  const recoveryCodes = first ? await issueRecoveryCodes(loginId, deps) : undefined;
  if (session.setupRequired) await deps.sessions.liftSetupRequired(session.sessionIdHash);
  deps.audit.record({ event: 'mfa.authenticator.added', outcome: 'success', loginId, email, recoveryCodesIssued: first });
  await sendNotice(deps, factorAddedEmail(email, '認証アプリ', now.toISOString(), deps.wording), loginId);
  return recoveryCodes ? { recoveryCodes } : {};
}
