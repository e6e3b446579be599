import { hashToken } from '../../../../../lambdas/domain/completion-token';
import { AccountStateError, InvalidCredentialsError, LinkInvalidError, SessionRequiredError } from '../../../../../lambdas/domain/errors';
import { hashSessionId } from '../../../../../lambdas/domain/session-id';
import { changePassword } from '../../../../../lambdas/domain/use-cases/merchant/change-password';
import { completePasswordReset } from '../../../../../lambdas/domain/use-cases/merchant/complete-password-reset';
import { signedInSession } from '../../../fakes/signed-in-session';
import { requestEmailChange } from '../../../../../lambdas/domain/use-cases/merchant/request-email-change';
import { requestPasswordReset } from '../../../../../lambdas/domain/use-cases/merchant/request-password-reset';
import { requestRegistration } from '../../../../../lambdas/domain/use-cases/merchant/request-registration';
import { setAccountDisabled } from '../../../../../lambdas/domain/use-cases/ops/set-account-disabled';
import {
  failureOf,
  fakeWorld,
  lastRegistrationMails,
  LETTER,
  MERCHANT,
  PASSWORDS,
  seedInvitedAccount,
  seedRegisteredAccount,
  type FakeWorld,
} from '../../../fakes/world';

const DISABLE = { disabled: true, reason: 'contract ended', operator: 'ops-tanaka' };
const ENABLE = { disabled: false, reason: 'contract renewed', operator: 'ops-suzuki' };
const OTHER = { loginId: 'M20250402', email: 'taro@example.com' };

describe('setAccountDisabled (ops)', () => {
  let world: FakeWorld;

  const signIn = (email: string = MERCHANT.email) => signedInSession({ loginId: email, password: PASSWORDS.current }, world);

  beforeEach(() => {
    world = fakeWorld();
    seedRegisteredAccount(world);
    seedRegisteredAccount(world, OTHER);
  });

  describe('disable', () => {
    it('marks the account with when, why and by whom', async () => {
      // Prepare
      world.clock.advance({ minutes: 30 });

      // Act
      await setAccountDisabled(MERCHANT.loginId, DISABLE, world);

      // Assess
      expect(world.accounts.peek(MERCHANT.loginId)?.disabled).toEqual({
        at: '2025-04-01T09:30:00.000Z',
        reason: 'contract ended',
        by: 'ops-tanaka',
      });
    });

    it("ends every session of the account now, and no other account's", async () => {
      // Prepare
      const mine = [await signIn(), await signIn()];
      const theirs = await signIn(OTHER.email);

      // Act
      await setAccountDisabled(MERCHANT.loginId, DISABLE, world);

      // Assess
      for (const sessionId of mine) expect(world.sessions.peek(hashSessionId(sessionId))).toBeUndefined();
      expect(world.sessions.peek(hashSessionId(theirs))).toBeDefined();
      expect(world.audit.last()).toEqual({
        event: 'account.disabled',
        outcome: 'success',
        loginId: MERCHANT.loginId,
        reason: 'contract ended',
        operator: 'ops-tanaka',
        sessionsEnded: 2,
      });
    });

    it('refuses an unknown login ID, creating nothing, and audits the failure', async () => {
      // Act
      const error = await failureOf(setAccountDisabled('M99999999', DISABLE, world));

      // Assess
      expect(error).toBeInstanceOf(AccountStateError);
      expect(error).toHaveProperty('message', 'No account M99999999.');
      expect(world.accounts.peek('M99999999')).toBeUndefined();
      expect(world.audit.last()).toEqual({
        event: 'account.disabled',
        outcome: 'failure',
        loginId: 'M99999999',
        reason: 'unknown login ID',
        requestReason: 'contract ended',
        operator: 'ops-tanaka',
      });
    });

    it('refuses an account already disabled, telling since when, by whom and why, and keeps that mark', async () => {
      // Prepare
      await setAccountDisabled(MERCHANT.loginId, DISABLE, world);
      world.clock.advance({ hours: 2 });

      // Act
      const error = await failureOf(
        setAccountDisabled(MERCHANT.loginId, { ...DISABLE, reason: 'suspected misuse', operator: 'ops-suzuki' }, world),
      );

      // Assess
      expect(error).toBeInstanceOf(AccountStateError);
      expect((error as Error).message).toBe(
        `${MERCHANT.loginId} is already disabled (since 2025-04-01 18:00 JST, by ops-tanaka, reason: contract ended); nothing was changed.`,
      );
      expect(world.accounts.peek(MERCHANT.loginId)?.disabled).toEqual({
        at: '2025-04-01T09:00:00.000Z',
        reason: 'contract ended',
        by: 'ops-tanaka',
      });
      expect(world.audit.last()).toEqual({
        event: 'account.disabled',
        outcome: 'failure',
        loginId: MERCHANT.loginId,
        reason: 'already disabled',
        requestReason: 'suspected misuse',
        operator: 'ops-suzuki',
      });
    });

    it('of two parallel disables, applies one and refuses the other', async () => {
      // Act
      const outcomes = await Promise.allSettled([
        setAccountDisabled(MERCHANT.loginId, DISABLE, world),
        setAccountDisabled(MERCHANT.loginId, { ...DISABLE, operator: 'ops-suzuki' }, world),
      ]);

      // Assess
      expect(outcomes.map((outcome) => outcome.status).sort()).toEqual(['fulfilled', 'rejected']);
      expect(
        world.audit
          .named('account.disabled')
          .map((line) => line.outcome)
          .sort(),
      ).toEqual(['failure', 'success']);
    });
  });

  describe('enable', () => {
    it('clears the mark, ends nothing, and the merchant logs in again', async () => {
      // Prepare
      await setAccountDisabled(MERCHANT.loginId, DISABLE, world);
      const theirs = await signIn(OTHER.email);

      // Act
      await setAccountDisabled(MERCHANT.loginId, ENABLE, world);

      // Assess
      expect(world.accounts.peek(MERCHANT.loginId)).not.toHaveProperty('disabled');
      expect(world.sessions.peek(hashSessionId(theirs))).toBeDefined();
      expect(world.audit.last()).toEqual({
        event: 'account.enabled',
        outcome: 'success',
        loginId: MERCHANT.loginId,
        reason: 'contract renewed',
        operator: 'ops-suzuki',
        sessionsEnded: 0,
      });
      await expect(signIn()).resolves.toBeDefined();
    });

    it('refuses an unknown login ID', async () => {
      expect(await failureOf(setAccountDisabled('M99999999', ENABLE, world))).toBeInstanceOf(AccountStateError);
      expect(world.audit.last()).toMatchObject({ event: 'account.enabled', outcome: 'failure', reason: 'unknown login ID' });
    });

    it('refuses an account that is not disabled, and audits the failure', async () => {
      // Act
      const error = await failureOf(setAccountDisabled(MERCHANT.loginId, ENABLE, world));

      // Assess
      expect(error).toBeInstanceOf(AccountStateError);
      expect((error as Error).message).toBe(`${MERCHANT.loginId} is not disabled; nothing was changed.`);
      expect(world.audit.last()).toEqual({
        event: 'account.enabled',
        outcome: 'failure',
        loginId: MERCHANT.loginId,
        reason: 'not disabled',
        requestReason: 'contract renewed',
        operator: 'ops-suzuki',
      });
    });
  });

  describe('a disabled account can do nothing', () => {
    beforeEach(async () => {
      await setAccountDisabled(MERCHANT.loginId, DISABLE, world);
    });

    it('cannot log in, even with the right password, and gets the one credentials answer', async () => {
      // Act
      const error = await failureOf(signIn());

      // Assess
      expect(error).toBeInstanceOf(InvalidCredentialsError);
      expect(world.audit.last()).toMatchObject({
        event: 'login',
        outcome: 'failure',
        loginId: MERCHANT.loginId,
        reason: 'account disabled',
      });
      expect(world.sessions.all()).toEqual([]);
    });

    it('cannot register from the letter (first login)', async () => {
      // Prepare
      await seedInvitedAccount(world, { loginId: 'M20250403' });
      await setAccountDisabled('M20250403', DISABLE, world);

      // Act
      const error = await failureOf(
        requestRegistration({ loginId: 'M20250403', initialPassword: LETTER.initialPassword, email: 'jiro@example.com' }, world),
      );

      // Assess
      expect(error).toBeInstanceOf(InvalidCredentialsError);
      expect((error as InvalidCredentialsError).reason).toBe('account disabled');
      expect(world.mailer.sent).toEqual([]);
    });

    it('gets no password-reset mail, with the answer everyone gets', async () => {
      // Act
      const result = await requestPasswordReset({ email: MERCHANT.email }, world);

      // Assess
      expect(result).toBeUndefined();
      expect(world.mailer.sent).toEqual([]);
    });

    it('cannot use a reset link mailed before it was disabled', async () => {
      // Prepare
      await setAccountDisabled(MERCHANT.loginId, ENABLE, world);
      await requestPasswordReset({ email: MERCHANT.email }, world);
      const { token, passcode } = lastRegistrationMails(world);
      await setAccountDisabled(MERCHANT.loginId, DISABLE, world);

      // Act
      const error = await failureOf(
        completePasswordReset({ token, passcode, newPassword: PASSWORDS.fresh, newPasswordConfirmation: PASSWORDS.fresh }, world),
      );

      // Assess
      expect(error).toBeInstanceOf(LinkInvalidError);
      expect((error as LinkInvalidError).reason).toBe('unknown');
      expect(world.requests.peek(hashToken(token))?.status).toBe('pending');
      expect(world.identity.userOf(MERCHANT.email)?.password).toBe(PASSWORDS.current);
    });

    it('cannot change the password or the email with a session from before', async () => {
      // Prepare
      await setAccountDisabled(MERCHANT.loginId, ENABLE, world);
      const sessionId = await signIn();
      await setAccountDisabled(MERCHANT.loginId, DISABLE, world);

      // Act
      const change = await failureOf(
        changePassword(
          sessionId,
          { currentPassword: PASSWORDS.current, newPassword: PASSWORDS.fresh, newPasswordConfirmation: PASSWORDS.fresh },
          world,
        ),
      );
      const email = await failureOf(requestEmailChange(sessionId, { newEmail: 'hanako.new@example.net' }, world));

      // Assess
      expect(change).toBeInstanceOf(SessionRequiredError);
      expect(email).toBeInstanceOf(SessionRequiredError);
      expect(world.identity.userOf(MERCHANT.email)?.password).toBe(PASSWORDS.current);
      expect(world.mailer.sent).toEqual([]);
    });
  });
});
