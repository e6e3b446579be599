import { openRequest } from '../../../../../lambdas/domain/use-cases/shared/open-request';
import { hashToken } from '../../../../../lambdas/domain/completion-token';
import {
  ChangedMeanwhileError,
  InvalidCredentialsError,
  LinkInvalidError,
  PasscodeWrongError,
  PasswordPolicyError,
} from '../../../../../lambdas/domain/errors';
import { verifyPassword } from '../../../../../lambdas/domain/password-hash';
import { japanDateTime } from '../../../../../lambdas/domain/japan-time';
import { hashSessionId } from '../../../../../lambdas/domain/session-id';
import { changePassword as changeSignedIn } from '../../../../../lambdas/domain/use-cases/merchant/change-password';
import { completeEmailChange } from '../../../../../lambdas/domain/use-cases/merchant/complete-email-change';
import { completePasswordReset } from '../../../../../lambdas/domain/use-cases/merchant/complete-password-reset';
import { signedInSession } from '../../../fakes/signed-in-session';
import { requestEmailChange } from '../../../../../lambdas/domain/use-cases/merchant/request-email-change';
import { requestPasswordReset } from '../../../../../lambdas/domain/use-cases/merchant/request-password-reset';
import { startRequest } from '../../../../../lambdas/domain/use-cases/shared/start-request';
import {
  failureOf,
  fakeWorld,
  lastRegistrationMails,
  MERCHANT,
  PASSWORDS,
  quickHash,
  seedRegisteredAccount,
  type FakeWorld,
} from '../../../fakes/world';
import { expectLinkProblem, otherThan } from '../../../../support/redeeming';

const NEW_PASSWORD = PASSWORDS.fresh;
const NOTICE_SUBJECT = '【GMOフィナンシャルゲート】お客様サポートWEBパスワード変更完了のお知らせ';

function submission(token: string, passcode: string, newPassword: string = NEW_PASSWORD, newPasswordConfirmation = newPassword) {
  return { token, passcode, newPassword, newPasswordConfirmation };
}

async function requested(world: FakeWorld, email: string = MERCHANT.email) {
  const before = world.mailer.sent.length;
  await requestPasswordReset({ email }, world);
  if (world.mailer.sent.length !== before + 2) throw new Error('no reset mails were sent');
  return lastRegistrationMails(world);
}

describe('completePasswordReset (パスワード再設定 → 設定)', () => {
  let world: FakeWorld;

  beforeEach(() => {
    world = fakeWorld();
    seedRegisteredAccount(world);
  });

  describe('password policy', () => {
    it('refuses a weak password before judging the passcode, so no attempt is spent', async () => {
      // Prepare
      const { token, passcode } = await requested(world);

      // Act
      const error = await failureOf(completePasswordReset(submission(token, otherThan(passcode), 'short'), world));

      // Assess
      expect(error).toBeInstanceOf(PasswordPolicyError);
      expect(world.requests.peek(hashToken(token))).toMatchObject({ wrongPasscodes: 0, status: 'pending' });
      expect(world.identity.userOf(MERCHANT.email)?.password).toBe(PASSWORDS.current);
      expect(world.audit.last()).toMatchObject({ event: 'password-reset.password-refused', outcome: 'failure', loginId: MERCHANT.loginId });
    });

    it("judges the password against the merchant's email and login ID, and the confirmation", async () => {
      // Prepare
      const { token, passcode } = await requested(world);

      // Act
      const error = await failureOf(completePasswordReset(submission(token, passcode, 'Hanako#2025xy', 'Hanako#2025xz'), world));

      // Assess
      expect((error as PasswordPolicyError).violations.map((v) => v.rule)).toEqual(['notPersonal', 'confirmation']);
    });

    it.each([
      ['the current password', PASSWORDS.current],
      ['the one before', PASSWORDS.previous[0]],
      ['two before', PASSWORDS.previous[1]],
      ['three before', PASSWORDS.previous[2]],
    ])('refuses %s (history), changing nothing and spending no attempt', async (_label, password) => {
      // Prepare
      const { token, passcode } = await requested(world);

      // Act
      const error = await failureOf(completePasswordReset(submission(token, passcode, password), world));

      // Assess
      expect(error).toBeInstanceOf(PasswordPolicyError);
      expect((error as PasswordPolicyError).violations).toEqual([
        { rule: 'history', message: '過去4つ前までに使用したパスワードは登録できません。' },
      ]);
      expect(world.identity.userOf(MERCHANT.email)?.password).toBe(PASSWORDS.current);
      expect(world.requests.peek(hashToken(token))).toMatchObject({ wrongPasscodes: 0, status: 'pending' });
      expect(world.audit.last()).toMatchObject({ event: 'password-reset.password-refused', reason: 'history' });
    });

    it('allows the password used before those four', async () => {
      // Prepare
      const { token, passcode } = await requested(world);

      // Act
      await completePasswordReset(submission(token, passcode, PASSWORDS.fifthOldest), world);

      // Assess
      expect(world.identity.userOf(MERCHANT.email)?.password).toBe(PASSWORDS.fifthOldest);
    });
  });

  describe('passcode', () => {
    it('counts a wrong passcode and says how many attempts remain', async () => {
      // Prepare
      const { token, passcode } = await requested(world);

      // Act
      const error = await failureOf(completePasswordReset(submission(token, otherThan(passcode)), world));

      // Assess
      expect(error).toBeInstanceOf(PasscodeWrongError);
      expect((error as PasscodeWrongError).remainingAttempts).toBe(4);
      expect(world.requests.peek(hashToken(token))?.wrongPasscodes).toBe(1);
      expect(world.audit.last()).toMatchObject({ event: 'password-reset.passcode-failed', wrongPasscodes: 1 });
    });

    it('voids the reset at the 5th wrong passcode; the right one then changes nothing', async () => {
      // Prepare
      const { token, passcode } = await requested(world);
      for (let i = 0; i < 4; i += 1) await failureOf(completePasswordReset(submission(token, otherThan(passcode)), world));

      // Act
      const fifth = await failureOf(completePasswordReset(submission(token, otherThan(passcode)), world));
      const right = await failureOf(completePasswordReset(submission(token, passcode), world));

      // Assess
      expectLinkProblem(fifth, 'voided');
      expectLinkProblem(right, 'voided');
      expect(world.identity.userOf(MERCHANT.email)?.password).toBe(PASSWORDS.current);
      expect(world.audit.named('password-reset.voided')).toHaveLength(1);
    });
  });

  describe('success', () => {
    it('sets the new password in the directory: it logs in, the old one no longer does', async () => {
      // Prepare
      const { token, passcode } = await requested(world);

      // Act
      await completePasswordReset(submission(token, passcode), world);

      // Assess
      await expect(signedInSession({ loginId: MERCHANT.email, password: NEW_PASSWORD }, world)).resolves.toMatch(/^[A-Za-z0-9_-]{43}$/);
      await expect(signedInSession({ loginId: MERCHANT.email, password: PASSWORDS.current }, world)).rejects.toBeInstanceOf(
        InvalidCredentialsError,
      );
    });

    it('puts the new password first in the history and keeps 4', async () => {
      // Prepare
      const before = world.accounts.peek(MERCHANT.loginId)!.passwordHistory;
      const { token, passcode } = await requested(world);

      // Act
      await completePasswordReset(submission(token, passcode), world);

      // Assess
      const account = world.accounts.peek(MERCHANT.loginId)!;
      expect(account.passwordHistory).toHaveLength(4);
      expect(account.passwordHistory.slice(1)).toEqual(before.slice(0, 3));
      expect(await verifyPassword(NEW_PASSWORD, account.passwordHistory[0])).toBe(true);
      await expect(openRequest('passwordReset', token, world)).rejects.toMatchObject({ reason: 'used' });
    });

    it('uses the request up: the link then says "used"', async () => {
      // Prepare
      const { token, passcode } = await requested(world);
      await completePasswordReset(submission(token, passcode), world);

      // Act
      const again = await failureOf(completePasswordReset(submission(token, passcode, PASSWORDS.fifthOldest), world));

      // Assess
      expect(world.requests.peek(hashToken(token))?.status).toBe('used');
      expectLinkProblem(again, 'used');
      expect(world.identity.userOf(MERCHANT.email)?.password).toBe(NEW_PASSWORD);
    });

    it("ends every session of the account and no other account's", async () => {
      // Prepare
      seedRegisteredAccount(world, { loginId: 'M20250402', email: 'taro@example.com' });
      const mine = [
        await signedInSession({ loginId: MERCHANT.email, password: PASSWORDS.current }, world),
        await signedInSession({ loginId: MERCHANT.email, password: PASSWORDS.current }, world),
      ];
      const theirs = await signedInSession({ loginId: 'taro@example.com', password: PASSWORDS.current }, world);
      const { token, passcode } = await requested(world);

      // Act
      await completePasswordReset(submission(token, passcode), world);

      // Assess
      for (const sessionId of mine) expect(world.sessions.peek(hashSessionId(sessionId))).toBeUndefined();
      expect(world.sessions.peek(hashSessionId(theirs))).toBeDefined();
      expect(world.audit.named('password-reset.completed')).toEqual([
        { event: 'password-reset.completed', outcome: 'success', loginId: MERCHANT.loginId, email: MERCHANT.email, sessionsEnded: 2 },
      ]);
    });

    it('sends the merchant a notice with the time of the change in Japan time', async () => {
      // Prepare
      const { token, passcode } = await requested(world);
      world.clock.advance({ minutes: 7 });

      // Act
      await completePasswordReset(submission(token, passcode), world);

      // Assess
      const notice = world.mailer.sent[world.mailer.sent.length - 1];
      expect(notice.to).toBe(MERCHANT.email);
      expect(notice.subject).toBe(NOTICE_SUBJECT);
      expect(notice.text).toContain(`変更日時 : ${japanDateTime('2025-04-01T09:07:00.000Z')}`);
      expect(notice.text).not.toContain(NEW_PASSWORD);
    });

    it('completes even when the notice cannot be sent, and audits the lost notice', async () => {
      // Prepare
      const { token, passcode } = await requested(world);
      world.mailer.failNext(new Error('MessageRejected'));

      // Act
      const result = completePasswordReset(submission(token, passcode), world);

      // Assess
      await expect(result).resolves.toBeUndefined();
      expect(world.identity.userOf(MERCHANT.email)?.password).toBe(NEW_PASSWORD);
      expect(world.requests.peek(hashToken(token))?.status).toBe('used');
      expect(world.audit.named('notice.not-sent')).toEqual([
        { event: 'notice.not-sent', outcome: 'failure', loginId: MERCHANT.loginId, email: MERCHANT.email, reason: NOTICE_SUBJECT },
      ]);
    });

    it('keeps the new password out of the audit trail', async () => {
      // Prepare
      const { token, passcode } = await requested(world);

      // Act
      await completePasswordReset(submission(token, passcode), world);

      // Assess
      const logged = JSON.stringify(world.audit.events);
      for (const secret of [token, passcode, NEW_PASSWORD]) expect(logged).not.toContain(secret);
    });

    it('releases the request when the directory fails, so submitting again works', async () => {
      // Prepare
      const { token, passcode } = await requested(world);
      const setPassword = world.identity.setPassword.bind(world.identity);
      world.identity.setPassword = jest.fn().mockRejectedValueOnce(new Error('TooManyRequestsException')).mockImplementation(setPassword);

      // Act
      await failureOf(completePasswordReset(submission(token, passcode), world));
      const statusAfterFault = world.requests.peek(hashToken(token))?.status;
      await completePasswordReset(submission(token, passcode), world);

      // Assess
      expect(statusAfterFault).toBe('pending');
      expect(world.identity.userOf(MERCHANT.email)?.password).toBe(NEW_PASSWORD);
    });

    it('puts the history back when the directory fails, only while it is still the one this reset wrote', async () => {
      // Prepare: the directory fails, and before the undo another writer changes the history.
      const { token, passcode } = await requested(world);
      const newer = [quickHash('Gp8#Lm3$Qx7z')];
      world.identity.setPassword = async () => {
        const written = world.accounts.peek(MERCHANT.loginId)!.passwordHistory;
        await world.accounts.changePassword(MERCHANT.loginId, { from: written, to: newer });
        throw new Error('TooManyRequestsException');
      };

      // Act
      await failureOf(completePasswordReset(submission(token, passcode), world));

      // Assess
      expect(world.accounts.peek(MERCHANT.loginId)!.passwordHistory).toEqual(newer);
    });

    it('answers CHANGED_MEANWHILE when a signed-in change came between, and submitting again works', async () => {
      // Prepare: a signed-in change completes just before this reset writes the account.
      const { token, passcode } = await requested(world);
      const sessionId = await signedInSession({ loginId: MERCHANT.email, password: PASSWORDS.current }, world);
      const write = world.accounts.changePassword.bind(world.accounts);
      let first = true;
      world.accounts.changePassword = async (loginId, change) => {
        if (first) {
          first = false;
          const other = 'Gp8#Lm3$Qx7z';
          await changeSignedIn(
            sessionId,
            { currentPassword: PASSWORDS.current, newPassword: other, newPasswordConfirmation: other },
            world,
          );
        }
        return write(loginId, change);
      };

      // Act
      const error = await failureOf(completePasswordReset(submission(token, passcode), world));
      const again = completePasswordReset(submission(token, passcode), world);

      // Assess
      expect(error).toBeInstanceOf(ChangedMeanwhileError);
      expect(error).toHaveProperty('message', '別の画面でパスワードが変更されました。もう一度お試しください。');
      expect(world.identity.userOf(MERCHANT.email)?.password).toBe('Gp8#Lm3$Qx7z');
      await again;
      expect(world.identity.userOf(MERCHANT.email)?.password).toBe(NEW_PASSWORD);
      expect(await verifyPassword(NEW_PASSWORD, world.accounts.peek(MERCHANT.loginId)!.passwordHistory[0])).toBe(true);
    });
  });

  describe('links', () => {
    it('replaces the first request by a second: the first link says "replaced", the second works', async () => {
      // Prepare
      const first = await requested(world);
      const second = await requested(world);

      // Act
      const error = await failureOf(completePasswordReset(submission(first.token, first.passcode), world));
      await completePasswordReset(submission(second.token, second.passcode), world);

      // Assess
      expectLinkProblem(error, 'replaced');
      expect(world.identity.userOf(MERCHANT.email)?.password).toBe(NEW_PASSWORD);
    });

    it('says "expired" 24 hours after the request', async () => {
      // Prepare
      const { token, passcode } = await requested(world);
      world.clock.advance({ hours: 24 });

      // Act
      const error = await failureOf(completePasswordReset(submission(token, passcode), world));

      // Assess
      expectLinkProblem(error, 'expired');
    });

    it('does not take a registration link ("unknown")', async () => {
      // Prepare
      world.accounts.seed({
        loginId: 'M20250402',
        status: 'invited',
        initialPasswordHash: quickHash('Hq7#xTk4Wp9=Ny'),
        passwordHistory: [],
        createdAt: '2025-03-01T00:00:00.000Z',
      });
      await startRequest('registration', 'M20250402', 'taro@example.com', world);
      const { token, passcode } = lastRegistrationMails(world);

      // Act
      const error = await failureOf(completePasswordReset(submission(token, passcode), world));

      // Assess
      expectLinkProblem(error, 'unknown');
      expect(world.requests.peek(hashToken(token))).toMatchObject({ status: 'pending', wrongPasscodes: 0 });
      expect(world.identity.size).toBe(1);
    });

    it('does not take an email-change link ("unknown")', async () => {
      // Prepare
      await startRequest('emailChange', MERCHANT.loginId, 'hanako@example.net', world);
      const { token, passcode } = lastRegistrationMails(world);

      // Act
      const error = await failureOf(completePasswordReset(submission(token, passcode), world));

      // Assess
      expectLinkProblem(error, 'unknown');
    });

    it('says "unknown" once ops disabled the account', async () => {
      // Prepare
      const { token, passcode } = await requested(world);
      await world.accounts.setDisabled(MERCHANT.loginId, { at: world.clock.iso(), reason: 'fraud suspected', by: 'ops' });

      // Act
      const error = await failureOf(completePasswordReset(submission(token, passcode), world));

      // Assess
      expectLinkProblem(error, 'unknown');
      expect(world.identity.userOf(MERCHANT.email)?.password).toBe(PASSWORDS.current);
    });

    it('refuses a reset link mailed to the address the account had before an email change', async () => {
      // Prepare: a reset is requested for the old address, then the merchant changes the email.
      const reset = await requested(world);
      const sessionId = await signedInSession({ loginId: MERCHANT.email, password: PASSWORDS.current }, world);
      await requestEmailChange(sessionId, { newEmail: 'hanako@example.net' }, world);
      const change = lastRegistrationMails(world);
      await completeEmailChange({ token: change.token, passcode: change.passcode }, world);

      // Act
      const error = await failureOf(completePasswordReset(submission(reset.token, reset.passcode), world));

      // Assess: a clear link answer, not an internal fault; the password stays as it was.
      expect(error).toBeInstanceOf(LinkInvalidError);
      expect(world.identity.userOf('hanako@example.net')?.password).toBe(PASSWORDS.current);
    });

    it('leaves the old password in place when a newer reset replaces this one at the last moment', async () => {
      // Prepare: while this completion runs, another tab asks for a new reset, just before the
      // account is written (the last moment: Cognito is only asked after that write).
      const { token, passcode } = await requested(world);
      const changePassword = world.accounts.changePassword.bind(world.accounts);
      world.accounts.changePassword = async (...args) => {
        await requestPasswordReset({ email: MERCHANT.email }, world);
        return changePassword(...args);
      };

      // Act
      const error = await failureOf(completePasswordReset(submission(token, passcode), world));

      // Assess: refused as "replaced", so nothing may have changed: the old password still logs in.
      expectLinkProblem(error, 'replaced');
      expect(world.identity.userOf(MERCHANT.email)?.password).toBe(PASSWORDS.current);
    });
  });
});
