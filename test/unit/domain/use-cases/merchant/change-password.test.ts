import {
  ChangedMeanwhileError,
  CurrentPasswordWrongError,
  InvalidCredentialsError,
  PasswordPolicyError,
  SessionRequiredError,
} from '../../../../../lambdas/domain/errors';
import { verifyPassword } from '../../../../../lambdas/domain/password-hash';
import { japanDateTime } from '../../../../../lambdas/domain/japan-time';
import { hashSessionId } from '../../../../../lambdas/domain/session-id';
import { changePassword } from '../../../../../lambdas/domain/use-cases/merchant/change-password';
import { signedInSession } from '../../../fakes/signed-in-session';
import { failureOf, fakeWorld, MERCHANT, PASSWORDS, seedRegisteredAccount, type FakeWorld } from '../../../fakes/world';

const NEW_PASSWORD = PASSWORDS.fresh;
const NOTICE_SUBJECT = '【GMOフィナンシャルゲート】お客様サポートWEBパスワード変更完了のお知らせ';
const WRONG = 'Gm7(Pk4)Dx1r';

function change(currentPassword: string, newPassword: string = NEW_PASSWORD, newPasswordConfirmation = newPassword) {
  return { currentPassword, newPassword, newPasswordConfirmation };
}

describe('changePassword (パスワード変更)', () => {
  let world: FakeWorld;
  let sessionId: string;

  const signIn = (password: string = PASSWORDS.current) => signedInSession({ loginId: MERCHANT.email, password }, world);

  beforeEach(async () => {
    world = fakeWorld();
    seedRegisteredAccount(world);
    sessionId = await signIn();
  });

  describe('session', () => {
    it('asks for a login without a session', async () => {
      // Act
      const error = await failureOf(changePassword(undefined, change(PASSWORDS.current), world));

      // Assess
      expect(error).toBeInstanceOf(SessionRequiredError);
      expect(world.identity.userOf(MERCHANT.email)?.password).toBe(PASSWORDS.current);
    });

    it('asks for a login after 30 idle minutes', async () => {
      // Prepare
      world.clock.advance({ minutes: 30 });

      // Act
      const error = await failureOf(changePassword(sessionId, change(PASSWORDS.current), world));

      // Assess
      expect(error).toBeInstanceOf(SessionRequiredError);
      expect((error as SessionRequiredError).reason).toBe('expired');
      expect(world.identity.userOf(MERCHANT.email)?.password).toBe(PASSWORDS.current);
    });

    it('asks for a login with a session that was ended', async () => {
      // Prepare
      await world.sessions.delete(hashSessionId(sessionId));

      // Act
      const error = await failureOf(changePassword(sessionId, change(PASSWORDS.current), world));

      // Assess
      expect(error).toBeInstanceOf(SessionRequiredError);
    });
  });

  describe('current password', () => {
    it('refuses a wrong current password and changes nothing', async () => {
      // Act
      const error = await failureOf(changePassword(sessionId, change(WRONG), world));

      // Assess
      expect(error).toBeInstanceOf(CurrentPasswordWrongError);
      expect((error as CurrentPasswordWrongError).message).toBe('現在のパスワードが正しくありません。');
      expect(world.identity.userOf(MERCHANT.email)?.password).toBe(PASSWORDS.current);
      expect(world.audit.last()).toEqual({
        event: 'password.changed',
        outcome: 'failure',
        loginId: MERCHANT.loginId,
        email: MERCHANT.email,
        reason: 'wrong current password',
      });
    });

    it('counts wrong current passwords towards the login lock: after 5, even the right one is refused', async () => {
      // Prepare
      for (let i = 0; i < 5; i += 1) await failureOf(changePassword(sessionId, change(WRONG), world));

      // Act
      const right = await failureOf(changePassword(sessionId, change(PASSWORDS.current), world));
      const login = await failureOf(signIn());

      // Assess
      expect(right).toBeInstanceOf(CurrentPasswordWrongError);
      expect(world.audit.named('password.changed').pop()).toMatchObject({
        outcome: 'failure',
        reason: expect.stringMatching(/^locked until /),
      });
      expect(login).toBeInstanceOf(InvalidCredentialsError);
      expect(world.identity.userOf(MERCHANT.email)?.password).toBe(PASSWORDS.current);
    });

    it('records the lock it causes as a lockout audit event, as a login lock is', async () => {
      // Prepare
      for (let i = 0; i < 4; i += 1) await failureOf(changePassword(sessionId, change(WRONG), world));

      // Act
      await failureOf(changePassword(sessionId, change(WRONG), world));

      // Assess
      expect(world.audit.named('lockout')).toEqual([
        expect.objectContaining({ outcome: 'success', loginId: MERCHANT.loginId, flow: 'login' }),
      ]);
    });

    it('counts the wrong passwords of logins and of changes together', async () => {
      // Prepare
      for (let i = 0; i < 3; i += 1) await failureOf(signIn(WRONG));
      for (let i = 0; i < 2; i += 1) await failureOf(changePassword(sessionId, change(WRONG), world));

      // Act
      const login = await failureOf(signIn());

      // Assess
      expect(login).toBeInstanceOf(InvalidCredentialsError);
    });

    it('lets the right current password work again once the 15-minute lock is over', async () => {
      // Prepare
      for (let i = 0; i < 5; i += 1) await failureOf(changePassword(sessionId, change(WRONG), world));
      world.clock.advance({ minutes: 15 });

      // Act
      await changePassword(sessionId, change(PASSWORDS.current), world);

      // Assess
      expect(world.identity.userOf(MERCHANT.email)?.password).toBe(NEW_PASSWORD);
    });

    it('starts the count again after a right current password', async () => {
      // Prepare
      for (let i = 0; i < 4; i += 1) await failureOf(changePassword(sessionId, change(WRONG), world));
      await failureOf(changePassword(sessionId, change(PASSWORDS.current, 'short'), world));

      // Act
      await failureOf(signIn(WRONG));
      const login = signIn();

      // Assess
      await expect(login).resolves.toMatch(/^[A-Za-z0-9_-]{43}$/);
    });
  });

  describe('new password', () => {
    it("refuses one that breaks the policy, naming each rule, with the merchant's email and login ID in mind", async () => {
      // Act
      const error = await failureOf(changePassword(sessionId, change(PASSWORDS.current, 'hanako-m20250401', 'hanako-m20250401x'), world));

      // Assess
      expect(error).toBeInstanceOf(PasswordPolicyError);
      expect((error as PasswordPolicyError).violations.map((v) => v.rule)).toEqual(['upper', 'notPersonal', 'confirmation']);
      expect(world.identity.userOf(MERCHANT.email)?.password).toBe(PASSWORDS.current);
      expect(world.audit.last()).toMatchObject({ event: 'password.changed', outcome: 'failure', reason: 'upper,notPersonal,confirmation' });
    });

    it.each([
      ['the current password', PASSWORDS.current],
      ['the one before', PASSWORDS.previous[0]],
      ['two before', PASSWORDS.previous[1]],
      ['three before', PASSWORDS.previous[2]],
    ])('refuses %s (history)', async (_label, password) => {
      // Act
      const error = await failureOf(changePassword(sessionId, change(PASSWORDS.current, password), world));

      // Assess
      expect((error as PasswordPolicyError).violations).toEqual([
        { rule: 'history', message: '過去4つ前までに使用したパスワードは登録できません。' },
      ]);
      expect(world.identity.userOf(MERCHANT.email)?.password).toBe(PASSWORDS.current);
      expect(world.audit.last()).toMatchObject({ event: 'password.changed', outcome: 'failure', reason: 'history' });
    });

    it('allows the password used before those four', async () => {
      // Act
      await changePassword(sessionId, change(PASSWORDS.current, PASSWORDS.fifthOldest), world);

      // Assess
      expect(world.identity.userOf(MERCHANT.email)?.password).toBe(PASSWORDS.fifthOldest);
    });

    it('moves the history on with each change: the replaced password is refused, the oldest of the four allowed', async () => {
      // Prepare
      await changePassword(sessionId, change(PASSWORDS.current), world);

      // Act
      const back = await failureOf(changePassword(sessionId, change(NEW_PASSWORD, PASSWORDS.current), world));
      await changePassword(sessionId, change(NEW_PASSWORD, PASSWORDS.previous[2]), world);

      // Assess
      expect(back).toBeInstanceOf(PasswordPolicyError);
      expect(world.identity.userOf(MERCHANT.email)?.password).toBe(PASSWORDS.previous[2]);
    });
  });

  describe('success', () => {
    it('sets the password in the directory and puts it first in a history of 4', async () => {
      // Prepare
      const before = world.accounts.peek(MERCHANT.loginId)!.passwordHistory;

      // Act
      await changePassword(sessionId, change(PASSWORDS.current), world);

      // Assess
      expect(world.identity.userOf(MERCHANT.email)?.password).toBe(NEW_PASSWORD);
      const history = world.accounts.peek(MERCHANT.loginId)!.passwordHistory;
      expect(history).toHaveLength(4);
      expect(history.slice(1)).toEqual(before.slice(0, 3));
      expect(await verifyPassword(NEW_PASSWORD, history[0])).toBe(true);
    });

    it("keeps the caller's session, ends the account's others, and leaves other accounts' alone", async () => {
      // Prepare
      const otherTab = await signIn();
      seedRegisteredAccount(world, { loginId: 'M20250402', email: 'taro@example.com' });
      const theirs = await signedInSession({ loginId: 'taro@example.com', password: PASSWORDS.current }, world);

      // Act
      await changePassword(sessionId, change(PASSWORDS.current), world);

      // Assess
      expect(world.sessions.peek(hashSessionId(sessionId))).toBeDefined();
      expect(world.sessions.peek(hashSessionId(otherTab))).toBeUndefined();
      expect(world.sessions.peek(hashSessionId(theirs))).toBeDefined();
      expect(world.audit.named('password.changed')).toEqual([
        { event: 'password.changed', outcome: 'success', loginId: MERCHANT.loginId, email: MERCHANT.email, sessionsEnded: 1 },
      ]);
    });

    it('sends the merchant a notice with the time of the change in Japan time', async () => {
      // Prepare
      world.clock.advance({ minutes: 3 });

      // Act
      await changePassword(sessionId, change(PASSWORDS.current), world);

      // Assess
      expect(world.mailer.sent).toHaveLength(1);
      expect(world.mailer.sent[0]).toMatchObject({ to: MERCHANT.email, subject: NOTICE_SUBJECT });
      expect(world.mailer.sent[0].text).toContain(`変更日時 : ${japanDateTime('2025-04-01T09:03:00.000Z')}`);
    });

    it('changes the password even when the notice cannot be sent, and audits the lost notice', async () => {
      // Prepare
      world.mailer.failNext(new Error('MessageRejected'));

      // Act
      const result = changePassword(sessionId, change(PASSWORDS.current), world);

      // Assess
      await expect(result).resolves.toBeUndefined();
      expect(world.identity.userOf(MERCHANT.email)?.password).toBe(NEW_PASSWORD);
      expect(world.audit.named('notice.not-sent')).toEqual([
        { event: 'notice.not-sent', outcome: 'failure', loginId: MERCHANT.loginId, email: MERCHANT.email, reason: NOTICE_SUBJECT },
      ]);
    });

    it('keeps every password out of the audit trail', async () => {
      // Prepare
      await failureOf(changePassword(sessionId, change(WRONG), world));

      // Act
      await changePassword(sessionId, change(PASSWORDS.current), world);

      // Assess
      const logged = JSON.stringify(world.audit.events);
      for (const secret of [WRONG, PASSWORDS.current, NEW_PASSWORD, sessionId]) expect(logged).not.toContain(secret);
    });
  });

  describe('parallel changes (another tab or device)', () => {
    const passwordOf = () => world.identity.userOf(MERCHANT.email)!.password;
    const historyHead = () => world.accounts.peek(MERCHANT.loginId)!.passwordHistory[0];

    it('of 10 at once, exactly one changes the password; the directory and the history then agree', async () => {
      // Prepare
      const passwords = Array.from({ length: 10 }, (_, i) => `${NEW_PASSWORD}${'abcdefghij'[i]}`);

      // Act
      const outcomes = await Promise.all(
        passwords.map((password) =>
          changePassword(sessionId, change(PASSWORDS.current, password), world).then(
            () => password,
            (error: unknown) => error,
          ),
        ),
      );

      // Assess
      const changed = outcomes.filter((outcome) => typeof outcome === 'string');
      expect(changed).toHaveLength(1);
      for (const refused of outcomes.filter((outcome) => typeof outcome !== 'string')) {
        expect([ChangedMeanwhileError, CurrentPasswordWrongError]).toContain((refused as Error).constructor);
      }
      expect(passwordOf()).toBe(changed[0]);
      expect(await verifyPassword(passwordOf(), historyHead())).toBe(true);
    });

    it('refuses a change that reads the account after another wrote its history but before the directory has it', async () => {
      // Prepare: the first change runs the second one in full at the moment it sets the directory.
      const setPassword = world.identity.setPassword.bind(world.identity);
      let second: Promise<unknown> | undefined;
      world.identity.setPassword = async (email, password) => {
        second ??= failureOf(changePassword(sessionId, change(PASSWORDS.current, `${NEW_PASSWORD}x`), world));
        await second;
        return setPassword(email, password);
      };

      // Act
      await changePassword(sessionId, change(PASSWORDS.current), world);

      // Assess
      expect(await second).toBeInstanceOf(ChangedMeanwhileError);
      expect(passwordOf()).toBe(NEW_PASSWORD);
      expect(await verifyPassword(NEW_PASSWORD, historyHead())).toBe(true);
      expect(world.audit.named('password.changed').map((line) => line.reason ?? line.outcome)).toEqual(['changed meanwhile', 'success']);
    });

    it('puts the history back when the directory fails, so the old password still works everywhere', async () => {
      // Prepare
      const before = world.accounts.peek(MERCHANT.loginId)!.passwordHistory;
      world.identity.setPassword = jest.fn().mockRejectedValue(new Error('TooManyRequestsException'));

      // Act
      const error = await failureOf(changePassword(sessionId, change(PASSWORDS.current), world));

      // Assess
      expect(error).toHaveProperty('message', 'TooManyRequestsException');
      expect(world.accounts.peek(MERCHANT.loginId)!.passwordHistory).toEqual(before);
      expect(passwordOf()).toBe(PASSWORDS.current);
    });
  });
});
