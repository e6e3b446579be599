import { hashToken } from '../../../../../lambdas/domain/completion-token';
import { EmailUnavailableError, LinkInvalidError, PasscodeWrongError, PasswordPolicyError } from '../../../../../lambdas/domain/errors';
import { verifyPassword } from '../../../../../lambdas/domain/password-hash';
import { completeRegistration } from '../../../../../lambdas/domain/use-cases/merchant/complete-registration';
import { logIn } from '../../../../../lambdas/domain/use-cases/merchant/log-in';
import { requestRegistration } from '../../../../../lambdas/domain/use-cases/merchant/request-registration';
import {
  CLIENT,
  failureOf,
  fakeWorld,
  hashOnce,
  lastRegistrationMails,
  LETTER,
  seedInvitedAccount,
  type FakeWorld,
} from '../../../fakes/world';
import { otherThan } from '../../../../support/redeeming';

const EMAIL = 'hanako.suzuki@example.com';
const NEW_PASSWORD = 'Vt4!rW9q]Zm2';

async function requested(world: FakeWorld) {
  await requestRegistration({ loginId: LETTER.loginId, initialPassword: LETTER.initialPassword, email: EMAIL }, world);
  return lastRegistrationMails(world);
}

function submission(token: string, passcode: string, newPassword = NEW_PASSWORD, newPasswordConfirmation = newPassword) {
  return { token, passcode, newPassword, newPasswordConfirmation };
}

describe('completeRegistration (パスコード入力 → 設定)', () => {
  let world: FakeWorld;

  beforeEach(async () => {
    world = fakeWorld();
    await seedInvitedAccount(world);
  });

  describe('password policy', () => {
    it('refuses a weak password before judging the passcode, so no attempt is counted', async () => {
      // Prepare
      const { token, passcode } = await requested(world);

      // Act
      const error = await failureOf(completeRegistration(submission(token, otherThan(passcode), 'short'), world));

      // Assess
      expect(error).toBeInstanceOf(PasswordPolicyError);
      expect((error as PasswordPolicyError).violations.map((v) => v.rule)).toEqual(
        expect.arrayContaining(['length', 'upper', 'digit', 'symbol']),
      );
      expect(world.requests.peek(hashToken(token))).toMatchObject({ wrongPasscodes: 0, status: 'pending' });
    });

    it("judges the password against this merchant's email and login ID and the confirmation", async () => {
      // Prepare
      const { token, passcode } = await requested(world);

      // Act
      const error = await failureOf(completeRegistration(submission(token, passcode, 'Hanako.Suzuki#1', 'Hanako.Suzuki#2'), world));

      // Assess
      expect((error as PasswordPolicyError).violations.map((v) => v.rule)).toEqual(['notPersonal', 'confirmation']);
      expect((error as PasswordPolicyError).message).toContain('新パスワード(確認用)が一致しません');
    });

    it('refuses the initial password of the letter as the new password (history)', async () => {
      // Prepare
      const { token, passcode } = await requested(world);

      // Act
      const error = await failureOf(completeRegistration(submission(token, passcode, LETTER.initialPassword), world));

      // Assess
      expect(error).toBeInstanceOf(PasswordPolicyError);
      expect((error as PasswordPolicyError).violations).toEqual([
        { rule: 'history', message: '過去4つ前までに使用したパスワードは登録できません。' },
      ]);
      expect(world.identity.size).toBe(0);
      expect(world.requests.peek(hashToken(token))?.status).toBe('pending');
      expect(world.accounts.peek(LETTER.loginId)?.status).toBe('invited');
    });
  });

  describe('passcode', () => {
    it('counts a wrong passcode and says how many attempts remain', async () => {
      // Prepare
      const { token, passcode } = await requested(world);

      // Act
      const error = await failureOf(completeRegistration(submission(token, otherThan(passcode)), world));

      // Assess
      expect(error).toBeInstanceOf(PasscodeWrongError);
      expect((error as PasscodeWrongError).remainingAttempts).toBe(4);
      expect((error as PasscodeWrongError).message).toBe('パスコードが正しくありません。あと4回間違えると、この申請は無効になります。');
      expect(world.requests.peek(hashToken(token))?.wrongPasscodes).toBe(1);
    });

    it('voids the request at the 5th wrong passcode, and then refuses even the right one', async () => {
      // Prepare
      const { token, passcode } = await requested(world);
      const remaining: number[] = [];
      for (let i = 0; i < 4; i += 1) {
        const error = await failureOf(completeRegistration(submission(token, otherThan(passcode)), world));
        remaining.push((error as PasscodeWrongError).remainingAttempts);
      }

      // Act
      const fifth = await failureOf(completeRegistration(submission(token, otherThan(passcode)), world));
      const right = await failureOf(completeRegistration(submission(token, passcode), world));

      // Assess
      expect(remaining).toEqual([4, 3, 2, 1]);
      expect(fifth).toBeInstanceOf(LinkInvalidError);
      expect((fifth as LinkInvalidError).reason).toBe('voided');
      expect(right).toBeInstanceOf(LinkInvalidError);
      expect((right as LinkInvalidError).reason).toBe('voided');
      expect(world.requests.peek(hashToken(token))).toMatchObject({ status: 'voided', wrongPasscodes: 5 });
      expect(world.identity.size).toBe(0);
      expect(world.audit.named('registration.voided')).toHaveLength(1);
    });

    it('gives a new request its own attempts, while the voided link stays voided', async () => {
      // Prepare
      const voided = await requested(world);
      for (let i = 0; i < 5; i += 1) await failureOf(completeRegistration(submission(voided.token, otherThan(voided.passcode)), world));

      // Act
      const fresh = await requested(world);
      const error = await failureOf(completeRegistration(submission(fresh.token, otherThan(fresh.passcode)), world));

      // Assess
      expect((error as PasscodeWrongError).remainingAttempts).toBe(4);
      expect(world.requests.peek(hashToken(voided.token))).toMatchObject({ status: 'voided', wrongPasscodes: 5 });
    });
  });

  describe('success', () => {
    it('registers the merchant: directory user, registered account, history, used request', async () => {
      // Prepare
      const { token, passcode } = await requested(world);
      world.clock.advance({ minutes: 5 });

      // Act
      await completeRegistration(submission(token, passcode), world);

      // Assess
      expect(world.identity.userOf(EMAIL)).toEqual({ loginId: LETTER.loginId, password: NEW_PASSWORD });
      const account = world.accounts.peek(LETTER.loginId)!;
      expect(account).toMatchObject({ status: 'registered', email: EMAIL, registeredAt: '2025-04-01T09:05:00.000Z' });
      expect(account).not.toHaveProperty('initialPasswordHash');
      expect(account).not.toHaveProperty('initialPasswordExpiresAt');
      expect(account).not.toHaveProperty('pendingTokenHash');
      expect(account.passwordHistory).toHaveLength(2);
      expect(await verifyPassword(NEW_PASSWORD, account.passwordHistory[0])).toBe(true);
      expect(account.passwordHistory[1]).toBe(await hashOnce(LETTER.initialPassword));
      expect(world.requests.peek(hashToken(token))?.status).toBe('used');
      expect(world.audit.last()).toEqual({ event: 'registration.completed', outcome: 'success', loginId: LETTER.loginId, email: EMAIL });
    });

    it('lets the merchant log in with the email and the new password afterwards', async () => {
      // Prepare
      const { token, passcode } = await requested(world);
      await completeRegistration(submission(token, passcode), world);

      // Act
      const { sessionId } = (await logIn({ loginId: EMAIL, password: NEW_PASSWORD }, CLIENT, world)) as { sessionId: string };

      // Assess
      expect(sessionId).toMatch(/^[A-Za-z0-9_-]{43}$/);
    });

    it('refuses a second submission of the same link as "used"', async () => {
      // Prepare
      const { token, passcode } = await requested(world);
      await completeRegistration(submission(token, passcode), world);

      // Act
      const error = await failureOf(completeRegistration(submission(token, passcode, 'Kx7#mQ2$vLp9'), world));

      // Assess
      expect(error).toBeInstanceOf(LinkInvalidError);
      expect((error as LinkInvalidError).reason).toBe('used');
      expect(world.identity.userOf(EMAIL)?.password).toBe(NEW_PASSWORD);
    });

    it('leaves no password, passcode or token in any audit event', async () => {
      // Prepare
      const { token, passcode } = await requested(world);
      await failureOf(completeRegistration(submission(token, otherThan(passcode)), world));
      await failureOf(completeRegistration(submission(token, passcode, 'short'), world));

      // Act
      await completeRegistration(submission(token, passcode), world);

      // Assess
      const logged = JSON.stringify(world.audit.events);
      for (const secret of [token, passcode, NEW_PASSWORD, LETTER.initialPassword, 'short']) expect(logged).not.toContain(secret);
      expect(world.audit.events.map((e) => e.event)).toEqual([
        'registration.requested',
        'registration.passcode-failed',
        'registration.password-refused',
        'registration.completed',
      ]);
    });
  });

  describe('interrupted and concurrent submissions', () => {
    it('releases the claim when the user directory fails, so submitting again succeeds', async () => {
      // Prepare
      const { token, passcode } = await requested(world);
      world.identity.failNextRegister();

      // Act
      const first = await failureOf(completeRegistration(submission(token, passcode), world));
      const afterFailure = world.requests.peek(hashToken(token));
      await completeRegistration(submission(token, passcode), world);

      // Assess
      expect((first as Error).message).toBe('user directory unavailable');
      expect(afterFailure).toMatchObject({ status: 'pending', wrongPasscodes: 0 });
      expect(afterFailure).not.toHaveProperty('claimedAt');
      expect(world.accounts.peek(LETTER.loginId)?.status).toBe('registered');
      expect(world.requests.peek(hashToken(token))?.status).toBe('used');
    });

    it('releases the claim when the account cannot be saved, so submitting again succeeds', async () => {
      // Prepare
      const { token, passcode } = await requested(world);
      world.accounts.failNextCompletion();

      // Act
      await failureOf(completeRegistration(submission(token, passcode), world));
      const afterFailure = world.requests.peek(hashToken(token));
      await completeRegistration(submission(token, passcode), world);

      // Assess
      expect(afterFailure?.status).toBe('pending');
      expect(world.identity.userOf(EMAIL)).toEqual({ loginId: LETTER.loginId, password: NEW_PASSWORD });
      expect(world.accounts.peek(LETTER.loginId)).toMatchObject({ status: 'registered', email: EMAIL });
    });

    it('refuses an email another merchant registered meanwhile, and keeps the request open', async () => {
      // Prepare: another merchant completed a registration with the same email after this request.
      const { token, passcode } = await requested(world);
      world.identity.seed({ email: EMAIL, loginId: 'M00000001', password: 'Kx7#mQ2$vLp9' });

      // Act
      const error = await failureOf(completeRegistration(submission(token, passcode), world));

      // Assess
      expect(error).toBeInstanceOf(EmailUnavailableError);
      expect(world.identity.userOf(EMAIL)).toEqual({ loginId: 'M00000001', password: 'Kx7#mQ2$vLp9' });
      expect(world.accounts.peek(LETTER.loginId)?.status).toBe('invited');
      expect(world.requests.peek(hashToken(token))?.status).toBe('pending');
    });

    it('completes exactly one of two simultaneous submissions; the other finds the link used', async () => {
      // Prepare
      const { token, passcode } = await requested(world);

      // Act
      const results = await Promise.allSettled([
        completeRegistration(submission(token, passcode), world),
        completeRegistration(submission(token, passcode, 'Kx7#mQ2$vLp9'), world),
      ]);

      // Assess
      const fulfilled = results.filter((r) => r.status === 'fulfilled');
      const rejected = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
      expect(fulfilled).toHaveLength(1);
      expect(rejected).toHaveLength(1);
      expect(rejected[0].reason).toBeInstanceOf(LinkInvalidError);
      expect(rejected[0].reason.reason).toBe('used');
      expect(world.identity.size).toBe(1);
      expect(world.audit.named('registration.completed')).toHaveLength(1);
    });

    it('removes the user it made in the directory when the request was replaced at the last moment', async () => {
      // Prepare: a newer request for another email replaces this one just before the account is written.
      const { token, passcode } = await requested(world);
      const complete = world.accounts.completeRegistration.bind(world.accounts);
      world.accounts.completeRegistration = async (...args) => {
        await requestRegistration({ loginId: LETTER.loginId, initialPassword: LETTER.initialPassword, email: 'hanako@example.net' }, world);
        return complete(...args);
      };

      // Act
      const error = await failureOf(completeRegistration(submission(token, passcode), world));

      // Assess: the email is free again for any account.
      expect((error as LinkInvalidError).reason).toBe('replaced');
      expect(world.identity.userOf(EMAIL)).toBeUndefined();
      expect(world.accounts.peek(LETTER.loginId)?.status).toBe('invited');
    });

    it('keeps the user when a parallel completion of the newer request registered the account under that email', async () => {
      // Prepare: a newer request for the same email is completed just before this one's account write.
      const { token, passcode } = await requested(world);
      const complete = world.accounts.completeRegistration.bind(world.accounts);
      world.accounts.completeRegistration = async (...args) => {
        world.accounts.completeRegistration = complete;
        const newer = await requested(world);
        await completeRegistration(submission(newer.token, newer.passcode), world);
        return complete(...args);
      };

      // Act
      const error = await failureOf(completeRegistration(submission(token, passcode), world));

      // Assess
      expect((error as LinkInvalidError).reason).toBe('replaced');
      expect(world.identity.userOf(EMAIL)).toEqual({ loginId: LETTER.loginId, password: NEW_PASSWORD });
      expect(world.accounts.peek(LETTER.loginId)).toMatchObject({ status: 'registered', email: EMAIL });
    });

    it('does not report a link as voided when a wrong passcode arrives while another submission holds it', async () => {
      // Prepare: one tab is completing the request when another tab sends a wrong passcode.
      const { token, passcode } = await requested(world);
      await world.requests.claim(hashToken(token), world.clock.iso(), new Date(0).toISOString());

      // Act
      const error = await failureOf(completeRegistration(submission(token, otherThan(passcode)), world));

      // Assess: nothing was voided, so neither the merchant nor the audit trail may be told so.
      expect(world.requests.peek(hashToken(token))?.status).toBe('completing');
      expect(world.audit.named('registration.voided')).toEqual([]);
      expect((error as LinkInvalidError).reason).not.toBe('voided');
    });

    it('refuses a link another submission holds, until that claim is a minute old', async () => {
      // Prepare: a submission claimed the request and died without releasing it.
      const { token, passcode } = await requested(world);
      await world.requests.claim(hashToken(token), world.clock.iso(), new Date(0).toISOString());
      world.clock.advance({ seconds: 59 });
      const whileHeld = await failureOf(completeRegistration(submission(token, passcode), world));
      world.clock.advance({ seconds: 2 });

      // Act
      await completeRegistration(submission(token, passcode), world);

      // Assess
      expect((whileHeld as LinkInvalidError).reason).toBe('used');
      expect(world.accounts.peek(LETTER.loginId)?.status).toBe('registered');
    });
  });
});
