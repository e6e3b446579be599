import { hashToken } from '../../../../../lambdas/domain/completion-token';
import {
  CurrentPasswordWrongError,
  InvalidCredentialsError,
  MailNotSentError,
  ProofRequiredError,
  SessionRequiredError,
  TooManyRequestsError,
  ValidationError,
} from '../../../../../lambdas/domain/errors';
import { FRESH_PROOF_MINUTES } from '../../../../../lambdas/domain/fresh-proof';
import { hashSessionId } from '../../../../../lambdas/domain/session-id';
import { signedInSession } from '../../../fakes/signed-in-session';
import { proveAgain } from '../../../../../lambdas/domain/use-cases/merchant/prove-again';
import { requestEmailChange } from '../../../../../lambdas/domain/use-cases/merchant/request-email-change';
import { requestPasswordReset } from '../../../../../lambdas/domain/use-cases/merchant/request-password-reset';
import {
  failureOf,
  fakeWorld,
  lastRegistrationMails,
  MERCHANT,
  outcomeOf,
  PASSWORDS,
  seedRegisteredAccount,
  SITE_URL,
  type FakeWorld,
} from '../../../fakes/world';

const SUBJECT = '【GMOフィナンシャルゲート】お客様サポートWEB用メールアドレス変更申請受付のお知らせ';
const NEW_EMAIL = 'hanako.new@example.net';
const TAKEN = 'taro@example.com';
const WRONG = 'Wr0ng!Passw0rd';

/** The form as the page sends it: the new address and the current password. */
const typed = (newEmail: string, currentPassword: string = PASSWORDS.current) => ({ newEmail, currentPassword });

describe('requestEmailChange (メールアドレス変更)', () => {
  let world: FakeWorld;
  let sessionId: string;

  beforeEach(async () => {
    world = fakeWorld();
    seedRegisteredAccount(world);
    seedRegisteredAccount(world, { loginId: 'M20250402', email: TAKEN });
    sessionId = await signedInSession({ loginId: MERCHANT.email, password: PASSWORDS.current }, world);
  });

  describe('a free address', () => {
    it('gets the two proof emails: the URL to confirm-email.html, then the passcode; the old address gets nothing', async () => {
      // Act
      await requestEmailChange(sessionId, typed(NEW_EMAIL), world);

      // Assess
      expect(world.mailer.sent.map((m) => [m.to, m.subject])).toEqual([
        [NEW_EMAIL, SUBJECT],
        [NEW_EMAIL, `${SUBJECT}(パスコード)`],
      ]);
      const { url, token } = lastRegistrationMails(world);
      expect(url).toBe(`${SITE_URL}/confirm-email.html#${token}`);
    });

    it('stores a pending change to the new address, and the old email stays the login ID until it is proven', async () => {
      // Act
      await requestEmailChange(sessionId, typed(NEW_EMAIL), world);

      // Assess
      const tokenHash = hashToken(lastRegistrationMails(world).token);
      expect(world.requests.peek(tokenHash)).toMatchObject({
        kind: 'emailChange',
        loginId: MERCHANT.loginId,
        email: NEW_EMAIL,
        status: 'pending',
      });
      expect(world.accounts.peek(MERCHANT.loginId)).toMatchObject({ email: MERCHANT.email, pendingEmailChangeTokenHash: tokenHash });
      await expect(signedInSession({ loginId: MERCHANT.email, password: PASSWORDS.current }, world)).resolves.toBeDefined();
    });

    it('lower-cases the new address', async () => {
      // Act
      await requestEmailChange(sessionId, typed('Hanako.New@Example.NET'), world);

      // Assess
      expect(world.mailer.sent.map((m) => m.to)).toEqual([NEW_EMAIL, NEW_EMAIL]);
    });

    it('replaces an earlier change request', async () => {
      // Prepare
      await requestEmailChange(sessionId, typed(NEW_EMAIL), world);
      const first = hashToken(lastRegistrationMails(world).token);

      // Act
      await requestEmailChange(sessionId, typed('hanako.other@example.net'), world);

      // Assess
      const second = hashToken(lastRegistrationMails(world).token);
      expect(world.accounts.peek(MERCHANT.loginId)?.pendingEmailChangeTokenHash).toBe(second);
      expect(second).not.toBe(first);
    });

    it('reports a mail failure as MailNotSentError', async () => {
      // Prepare
      world.mailer.failNext(new Error('MessageRejected'));

      // Act
      const error = await failureOf(requestEmailChange(sessionId, typed(NEW_EMAIL), world));

      // Assess
      expect(error).toBeInstanceOf(MailNotSentError);
    });
  });

  describe('who is asking: the current password', () => {
    it('refuses a wrong one as CURRENT_PASSWORD_WRONG: nothing sent, stored or counted by the mail throttle, audited', async () => {
      // Act
      const error = await failureOf(requestEmailChange(sessionId, typed(NEW_EMAIL, WRONG), world));

      // Assess
      expect(error).toBeInstanceOf(CurrentPasswordWrongError);
      expect(world.mailer.sent).toEqual([]);
      expect(world.requests.all()).toEqual([]);
      expect(world.accounts.peek(MERCHANT.loginId)).not.toHaveProperty('pendingEmailChangeTokenHash');
      expect(world.limits.peek(`mail#account#${MERCHANT.loginId}`)).toBeUndefined();
      expect(world.audit.last()).toEqual({
        event: 'email-change.requested',
        outcome: 'failure',
        loginId: MERCHANT.loginId,
        email: MERCHANT.email,
        reason: 'wrong current password',
      });
    });

    it('counts wrong ones towards the login lock: after 5, the right one and the login are refused too', async () => {
      // Prepare
      for (let i = 0; i < 5; i += 1) await failureOf(requestEmailChange(sessionId, typed(NEW_EMAIL, WRONG), world));

      // Act
      const right = await failureOf(requestEmailChange(sessionId, typed(NEW_EMAIL), world));
      const login = await failureOf(signedInSession({ loginId: MERCHANT.email, password: PASSWORDS.current }, world));

      // Assess
      expect(right).toBeInstanceOf(CurrentPasswordWrongError);
      expect(login).toBeInstanceOf(InvalidCredentialsError);
      expect(world.audit.named('lockout')).toHaveLength(1);
      expect(world.audit.named('email-change.requested').pop()).toMatchObject({ reason: expect.stringMatching(/^locked until /) });
      expect(world.mailer.sent).toEqual([]);
    });

    it('starts the count afresh after a right one', async () => {
      // Prepare
      for (let i = 0; i < 4; i += 1) await failureOf(requestEmailChange(sessionId, typed(NEW_EMAIL, WRONG), world));
      await requestEmailChange(sessionId, typed(NEW_EMAIL), world);
      for (let i = 0; i < 4; i += 1) await failureOf(requestEmailChange(sessionId, typed(NEW_EMAIL, WRONG), world));

      // Act
      await requestEmailChange(sessionId, typed('hanako.other@example.net'), world);

      // Assess
      expect(world.audit.named('lockout')).toEqual([]);
      expect(world.mailer.sent.map((m) => m.to)).toEqual([NEW_EMAIL, NEW_EMAIL, 'hanako.other@example.net', 'hanako.other@example.net']);
    });

    it('is needed however long ago the sign-in was: the right one still works after the proof minutes', async () => {
      // Prepare
      world.clock.advance({ minutes: FRESH_PROOF_MINUTES + 1 });

      // Act
      await requestEmailChange(sessionId, typed(NEW_EMAIL), world);

      // Assess
      expect(world.mailer.sent.map((m) => m.to)).toEqual([NEW_EMAIL, NEW_EMAIL]);
    });
  });

  describe('who is asking: a fresh proof instead of the password', () => {
    it(`takes a session proved within ${FRESH_PROOF_MINUTES} minutes (here, its sign-in) without the password`, async () => {
      // Prepare
      world.clock.advance({ minutes: FRESH_PROOF_MINUTES });

      // Act
      await requestEmailChange(sessionId, { newEmail: NEW_EMAIL }, world);

      // Assess
      expect(world.mailer.sent.map((m) => m.to)).toEqual([NEW_EMAIL, NEW_EMAIL]);
    });

    it('answers PROOF_REQUIRED to an older one, sending and counting nothing', async () => {
      // Prepare
      world.clock.advance({ minutes: FRESH_PROOF_MINUTES + 1 });

      // Act
      const error = await failureOf(requestEmailChange(sessionId, { newEmail: NEW_EMAIL }, world));

      // Assess
      expect(error).toBeInstanceOf(ProofRequiredError);
      expect(world.mailer.sent).toEqual([]);
      expect(world.limits.peek(`mail#account#${MERCHANT.loginId}`)).toBeUndefined();
    });

    it('takes it again once the session is proved again', async () => {
      // Prepare
      world.clock.advance({ minutes: FRESH_PROOF_MINUTES + 1 });
      await proveAgain(sessionId, PASSWORDS.current, world);

      // Act
      await requestEmailChange(sessionId, { newEmail: NEW_EMAIL }, world);

      // Assess
      expect(world.mailer.sent.map((m) => m.to)).toEqual([NEW_EMAIL, NEW_EMAIL]);
    });
  });

  describe('the current address', () => {
    it.each([MERCHANT.email, 'HANAKO@example.COM'])(
      'refuses %s as a ValidationError on newEmail, sending nothing and counting nothing',
      async (email) => {
        // Act
        const error = await failureOf(requestEmailChange(sessionId, typed(email), world));

        // Assess
        expect(error).toBeInstanceOf(ValidationError);
        expect((error as ValidationError).fields).toEqual({
          newEmail: '現在のメールアドレスと同じです。新しいメールアドレスを入力してください。',
        });
        expect(world.mailer.sent).toEqual([]);
        expect(world.limits.peek(`mail#account#${MERCHANT.loginId}`)).toBeUndefined();
      },
    );
  });

  describe("another account's address", () => {
    it("resolves as for a free address, with no mail and no request, and 'email in use' for auditors", async () => {
      // Act
      const taken = await outcomeOf(requestEmailChange(sessionId, typed(TAKEN), world));

      // Assess
      expect(taken).toEqual({ resolved: undefined });
      expect(world.mailer.sent).toEqual([]);
      expect(world.requests.all()).toEqual([]);
      expect(world.accounts.peek(MERCHANT.loginId)).not.toHaveProperty('pendingEmailChangeTokenHash');
      expect(world.audit.last()).toEqual({
        event: 'email-change.requested',
        outcome: 'failure',
        loginId: MERCHANT.loginId,
        email: TAKEN,
        reason: 'email in use',
      });
    });

    it('answers exactly as the free address does; only the mails differ', async () => {
      // Act
      const free = await outcomeOf(requestEmailChange(sessionId, typed(NEW_EMAIL), world));
      const taken = await outcomeOf(requestEmailChange(sessionId, typed(TAKEN), world));

      // Assess
      expect(taken).toEqual(free);
      expect(world.mailer.sent.map((m) => m.to)).toEqual([NEW_EMAIL, NEW_EMAIL]);
    });

    it('is counted by the throttle as a free address is, so the 6th is refused alike', async () => {
      // Prepare
      for (let i = 0; i < 5; i += 1) await requestEmailChange(sessionId, typed(TAKEN), world);

      // Act
      const sixth = await failureOf(requestEmailChange(sessionId, typed(TAKEN), world));

      // Assess
      expect(sixth).toBeInstanceOf(TooManyRequestsError);
    });

    it('does not touch the other account', async () => {
      // Act
      await requestEmailChange(sessionId, typed(TAKEN), world);

      // Assess
      expect(world.accounts.peek('M20250402')).toMatchObject({ email: TAKEN });
      expect(world.accounts.peek('M20250402')).not.toHaveProperty('pendingEmailChangeTokenHash');
    });
  });

  describe('throttle (5 an hour)', () => {
    it('per account: the 6th request within the hour is refused, whatever the addresses', async () => {
      // Prepare
      for (let i = 1; i <= 5; i += 1) await requestEmailChange(sessionId, { newEmail: `hanako${i}@example.net` }, world);

      // Act
      const sixth = await failureOf(requestEmailChange(sessionId, typed('hanako6@example.net'), world));

      // Assess
      expect(sixth).toBeInstanceOf(TooManyRequestsError);
      expect(world.mailer.sent).toHaveLength(10);
      expect(world.audit.last()).toEqual({
        event: 'email-change.requested',
        outcome: 'failure',
        loginId: MERCHANT.loginId,
        email: 'hanako6@example.net',
        reason: 'mail rate limit',
      });
    });

    it('per address: an address mailed 5 times in the hour by any flow gets no more, with the usual answer', async () => {
      // Prepare
      for (let i = 0; i < 5; i += 1) await requestPasswordReset({ email: NEW_EMAIL }, world);

      // Act
      const answer = await outcomeOf(requestEmailChange(sessionId, typed(NEW_EMAIL), world));

      // Assess
      expect(answer).toEqual({ resolved: undefined });
      expect(world.mailer.sent).toEqual([]);
      expect(world.audit.last()).toMatchObject({
        event: 'email-change.requested',
        loginId: MERCHANT.loginId,
        email: NEW_EMAIL,
        reason: 'mail rate limit (address)',
      });
    });

    it('lets the account in again once the hour is over', async () => {
      // Prepare
      for (let i = 1; i <= 5; i += 1) await requestEmailChange(sessionId, { newEmail: `hanako${i}@example.net` }, world);
      world.clock.advance({ minutes: 60 });
      sessionId = await signedInSession({ loginId: MERCHANT.email, password: PASSWORDS.current }, world);

      // Act
      const afterTheHour = await outcomeOf(requestEmailChange(sessionId, typed('hanako6@example.net'), world));

      // Assess
      expect(afterTheHour).toEqual({ resolved: undefined });
    });
  });

  describe('session', () => {
    it('asks for a login without a session', async () => {
      await expect(requestEmailChange(undefined, typed(NEW_EMAIL), world)).rejects.toBeInstanceOf(SessionRequiredError);
      expect(world.mailer.sent).toEqual([]);
    });

    it('ends the session of a disabled account and sends nothing', async () => {
      // Prepare
      await world.accounts.setDisabled(MERCHANT.loginId, { at: world.clock.iso(), reason: 'fraud suspected', by: 'ops' });

      // Act
      const error = await failureOf(requestEmailChange(sessionId, typed(NEW_EMAIL), world));

      // Assess
      expect(error).toBeInstanceOf(SessionRequiredError);
      expect(world.sessions.peek(hashSessionId(sessionId))).toBeUndefined();
      expect(world.mailer.sent).toEqual([]);
    });
  });
});
