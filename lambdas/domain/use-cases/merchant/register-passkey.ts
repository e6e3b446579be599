import { passkeyAddedEmail } from '../../emails/second-factor';
import { PasskeyNotRegisteredError } from '../../errors';
import { requireFreshProof } from '../../fresh-proof';
import { passkeyName, rpIdOf, sessionStepIdHash, stepProblem } from '../../passkeys';
import type { Mailer, PasskeyResponse } from '../../ports';
import { issueRecoveryCodes, type IssueRecoveryCodesDeps } from '../shared/issue-recovery-codes';
import { hasSecondFactor } from '../shared/second-factors';
import { sendNotice } from '../shared/send-notice';
import { signedInAccount } from '../shared/signed-in-account';
import type { PasskeyRegistrationDeps } from './start-passkey-registration';

export interface RegisterPasskeyDeps extends PasskeyRegistrationDeps, IssueRecoveryCodesDeps {
  mailer: Mailer;
}

/** What the page shows, and whether this was the merchant's first second factor. */
export interface RegisteredPasskey {
  id: string;
  name: string;
  firstFactor: boolean;
  /** With the first factor only: the ten recovery codes, shown once. */
  recoveryCodes?: string[];
}

/**
 * このデバイスにパスキーを登録, second half: the browser's answer.
 * 1. The session must stand for an active account and have been proved within minutes; a name,
 *    when given, must be 1–50 characters (else the default: the day it was registered).
 * 2. This session's registration challenge is taken (single use); it must be unexpired.
 * 3. The library verifies the answer: this site's origin and RP ID, the challenge, user
 *    verification. Every refusal is audited and changes nothing.
 * 4. Whether it is the merchant's first factor is read before the write.
 * 5. The passkey is stored under its credential ID, never over one stored already.
 * 6. With the first factor, ten recovery codes are made and returned once (from then on a
 *    password sign-in asks for the second step); the session's set-up mark is lifted.
 * 7. The registration is audited and a notice is sent (a failed notice is only logged).
 */
export async function registerPasskey(
  sessionId: string | undefined,
  input: { response: PasskeyResponse; name?: string },
  deps: RegisterPasskeyDeps,
): Promise<RegisteredPasskey> {
  const { session, account } = await signedInAccount(sessionId, deps, { duringSetup: true });
  const { loginId, email } = account;
  const now = deps.clock.now();
  requireFreshProof(session, now);
  const name = passkeyName(input.name, now);
  const refuse = (reason: string): never => {
    deps.audit.record({ event: 'passkey.registered', outcome: 'failure', loginId, email, reason });
    throw new PasskeyNotRegisteredError(reason);
  };

  const step = await deps.steps.take(sessionStepIdHash(session.sessionIdHash, 'passkey-registration'));
  const problem =
    stepProblem(step, 'passkey-registration', now) ?? (step?.loginId === loginId ? undefined : 'challenge of another account');
  if (problem) return refuse(problem);
  const verified = await deps.ceremonies.verifyRegistration({
    response: input.response,
    challenge: step!.challenge!,
    origin: deps.siteUrl,
    rpId: rpIdOf(deps.siteUrl),
  });
  if (!verified.ok) return refuse(verified.reason);

  const firstFactor = !(await hasSecondFactor(loginId, deps));
  const { ok: _ok, ...credential } = verified;
  const added = await deps.passkeys.addPasskey({ ...credential, kind: 'passkey', loginId, name, addedAt: now.toISOString() });
  if (!added) return refuse('credential already registered');
  const recoveryCodes = firstFactor ? await issueRecoveryCodes(loginId, deps) : undefined;
  if (session.setupRequired) await deps.sessions.liftSetupRequired(session.sessionIdHash);

  deps.audit.record({ event: 'passkey.registered', outcome: 'success', loginId, email, deviceType: credential.deviceType, firstFactor });
  await sendNotice(deps, passkeyAddedEmail(email, name, now.toISOString(), deps.wording), loginId);
  return { id: credential.credentialId, name, firstFactor, ...(recoveryCodes && { recoveryCodes }) };
}
