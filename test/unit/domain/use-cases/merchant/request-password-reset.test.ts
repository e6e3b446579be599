import { hashToken } from '../../../../../lambdas/domain/completion-token';
import { mailKeys } from '../../../../../lambdas/domain/mail-rate';
import { requestPasswordReset } from '../../../../../lambdas/domain/use-cases/merchant/request-password-reset';
import { startRequest } from '../../../../../lambdas/domain/use-cases/shared/start-request';
import {
  fakeWorld,
  lastRegistrationMails,
  MERCHANT,
  outcomeOf,
  quickHash,
  seedRegisteredAccount,
  SITE_URL,
  type FakeWorld,
} from '../../../fakes/world';

const SUBJECT = '【GMOフィナンシャルゲート】お客様サポートWEBパスワード再設定申請受付のお知らせ';
const UNKNOWN = 'nobody@example.com';
const DISABLED = { at: '2025-03-31T00:00:00.000Z', reason: 'contract ended', by: 'ops-tanaka' };

describe('requestPasswordReset (パスワードを忘れた方はこちら)', () => {
  let world: FakeWorld;

  beforeEach(() => {
    world = fakeWorld();
    seedRegisteredAccount(world);
  });

  describe('a registered, active account', () => {
    it('gets exactly the two reset emails: the URL to reset-password.html, then the passcode', async () => {
      // Act
      await requestPasswordReset({ email: MERCHANT.email }, world);

      // Assess
      expect(world.mailer.sent.map((m) => [m.to, m.subject])).toEqual([
        [MERCHANT.email, SUBJECT],
        [MERCHANT.email, `${SUBJECT}(パスコード)`],
      ]);
      const { url, token, passcode } = lastRegistrationMails(world);
      expect(url).toBe(`${SITE_URL}/reset-password.html#${token}`);
      expect(passcode).toMatch(/^\d{6}$/);
    });

    it("stores a pending reset, valid 24 hours, as the account's live reset", async () => {
      // Act
      await requestPasswordReset({ email: MERCHANT.email }, world);

      // Assess
      const tokenHash = hashToken(lastRegistrationMails(world).token);
      expect(world.requests.all()).toEqual([
        expect.objectContaining({
          tokenHash,
          kind: 'passwordReset',
          loginId: MERCHANT.loginId,
          email: MERCHANT.email,
          status: 'pending',
          expiresAt: '2025-04-02T09:00:00.000Z',
        }),
      ]);
      expect(world.accounts.peek(MERCHANT.loginId)?.pendingResetTokenHash).toBe(tokenHash);
      expect(world.audit.last()).toMatchObject({
        event: 'password-reset.requested',
        outcome: 'success',
        loginId: MERCHANT.loginId,
        email: MERCHANT.email,
      });
    });

    it('takes the address whatever its case', async () => {
      // Act
      await requestPasswordReset({ email: 'Hanako@Example.COM' }, world);

      // Assess
      expect(world.mailer.sent.map((m) => m.to)).toEqual([MERCHANT.email, MERCHANT.email]);
    });

    it('does not change the password by itself', async () => {
      // Act
      await requestPasswordReset({ email: MERCHANT.email }, world);

      // Assess
      expect(await world.identity.verifyPassword(MERCHANT.email, 'Vt4!rW9q]Zm2')).toBe(MERCHANT.loginId);
    });
  });

  describe('anyone else: no mail, no error, no request', () => {
    it.each([
      ['an unknown address', UNKNOWN, 'unknown email'],
      ['an invited account (defensive: invited accounts carry no email)', 'invited@example.com', 'account invited'],
      ['a disabled account', 'disabled@example.com', 'account disabled'],
    ])('%s', async (_label, email, reason) => {
      // Prepare
      world.accounts.seed({
        loginId: 'M20250402',
        status: 'invited',
        email: 'invited@example.com',
        initialPasswordHash: quickHash('Hq7#xTk4Wp9=Ny'),
        passwordHistory: [],
        createdAt: '2025-03-01T00:00:00.000Z',
      });
      seedRegisteredAccount(world, { loginId: 'M20250403', email: 'disabled@example.com', account: { disabled: DISABLED } });

      // Act
      const result = await requestPasswordReset({ email }, world);

      // Assess
      expect(result).toBeUndefined();
      expect(world.mailer.sent).toEqual([]);
      expect(world.requests.all()).toEqual([]);
      expect(world.accounts.all().some((a) => a.pendingResetTokenHash)).toBe(false);
      expect(world.audit.events).toEqual([
        expect.objectContaining({ event: 'password-reset.requested', outcome: 'failure', email, reason }),
      ]);
    });

    it('an address whose first-login registration is still pending', async () => {
      // Prepare
      world.accounts.seed({
        loginId: 'M20250402',
        status: 'invited',
        initialPasswordHash: quickHash('Hq7#xTk4Wp9=Ny'),
        passwordHistory: [],
        createdAt: '2025-03-01T00:00:00.000Z',
      });
      await startRequest('registration', 'M20250402', 'pending@example.com', world);
      world.mailer.sent.length = 0;

      // Act
      const result = await requestPasswordReset({ email: 'pending@example.com' }, world);

      // Assess
      expect(result).toBeUndefined();
      expect(world.mailer.sent).toEqual([]);
      expect(world.audit.last()).toMatchObject({ event: 'password-reset.requested', outcome: 'failure', reason: 'unknown email' });
    });

    it('names the account of a disabled address for auditors', async () => {
      // Prepare
      seedRegisteredAccount(world, { loginId: 'M20250403', email: 'disabled@example.com', account: { disabled: DISABLED } });

      // Act
      await requestPasswordReset({ email: 'disabled@example.com' }, world);

      // Assess
      expect(world.audit.last()).toMatchObject({ loginId: 'M20250403', reason: 'account disabled' });
    });
  });

  describe('the answer never tells whether an address is registered', () => {
    it('resolves alike for a known and an unknown address', async () => {
      // Act
      const known = await outcomeOf(requestPasswordReset({ email: MERCHANT.email }, world));
      const unknown = await outcomeOf(requestPasswordReset({ email: UNKNOWN }, world));

      // Assess
      expect(known).toEqual({ resolved: undefined });
      expect(unknown).toEqual(known);
    });

    it('resolves alike when the mails to a known address fail', async () => {
      // Prepare
      world.mailer.failNext(new Error('MessageRejected'));

      // Act
      const known = await outcomeOf(requestPasswordReset({ email: MERCHANT.email }, world));
      const unknown = await outcomeOf(requestPasswordReset({ email: UNKNOWN }, world));

      // Assess
      expect(known).toEqual({ resolved: undefined });
      expect(unknown).toEqual(known);
      expect(world.audit.named('password-reset.requested')[0]).toMatchObject({
        outcome: 'failure',
        loginId: MERCHANT.loginId,
        reason: 'mail not sent',
      });
    });

    it('answers the 6th request within the hour as the first, known or unknown', async () => {
      // Prepare
      for (let i = 0; i < 5; i += 1) {
        await requestPasswordReset({ email: MERCHANT.email }, world);
        await requestPasswordReset({ email: UNKNOWN }, world);
      }

      // Act
      const known = await outcomeOf(requestPasswordReset({ email: MERCHANT.email }, world));
      const unknown = await outcomeOf(requestPasswordReset({ email: UNKNOWN }, world));

      // Assess
      expect(known).toEqual({ resolved: undefined });
      expect(unknown).toEqual(known);
      expect(world.mailer.sent).toHaveLength(10);
    });
  });

  describe('per-address throttle (5 an hour)', () => {
    it('answers an address mailed by its first login just now exactly as an unknown one, request after request', async () => {
      // Prepare: the registration mails took one of the address's uses this hour.
      await world.limits.take(mailKeys.address(MERCHANT.email), world.mailRate, world.clock.now());

      // Act
      const known = [];
      const unknown = [];
      for (let i = 0; i < 7; i += 1) {
        known.push(await outcomeOf(requestPasswordReset({ email: MERCHANT.email }, world)));
        unknown.push(await outcomeOf(requestPasswordReset({ email: UNKNOWN }, world)));
      }

      // Assess
      expect(known).toEqual(unknown);
      expect(known).toEqual(Array(7).fill({ resolved: undefined }));
      expect(world.mailer.sent).toHaveLength(2 * 4);
    });

    it('applies to an unknown address too: the 6th within the hour is dropped, with the same answer', async () => {
      // Prepare
      for (let i = 0; i < 5; i += 1) {
        world.clock.advance({ minutes: 10 });
        await requestPasswordReset({ email: UNKNOWN }, world);
      }

      // Act
      const sixth = await outcomeOf(requestPasswordReset({ email: UNKNOWN }, world));

      // Assess
      expect(sixth).toEqual({ resolved: undefined });
      expect(world.audit.last()).toEqual({
        event: 'password-reset.requested',
        outcome: 'failure',
        email: UNKNOWN,
        reason: 'mail rate limit (address)',
      });
    });

    it('sends no 6th pair of mails to a known address', async () => {
      // Prepare
      for (let i = 0; i < 5; i += 1) await requestPasswordReset({ email: MERCHANT.email }, world);

      // Act
      const sixth = await outcomeOf(requestPasswordReset({ email: MERCHANT.email }, world));

      // Assess
      expect(sixth).toEqual({ resolved: undefined });
      expect(world.mailer.sent).toHaveLength(10);
      expect(world.audit.last()).toMatchObject({ email: MERCHANT.email, reason: 'mail rate limit (address)' });
    });

    it('counts an address whatever its case', async () => {
      // Prepare
      for (const email of ['Nobody@Example.com', 'NOBODY@EXAMPLE.COM', UNKNOWN, 'nobody@EXAMPLE.com', 'noBody@example.com']) {
        await requestPasswordReset({ email }, world);
      }

      // Act
      const sixth = await outcomeOf(requestPasswordReset({ email: UNKNOWN }, world));

      // Assess
      expect(sixth).toEqual({ resolved: undefined });
      expect(world.audit.last()).toMatchObject({ reason: 'mail rate limit (address)' });
    });

    it('lets the address in again once the hour is over', async () => {
      // Prepare
      for (let i = 0; i < 5; i += 1) await requestPasswordReset({ email: MERCHANT.email }, world);
      world.clock.advance({ minutes: 59, seconds: 59 });
      await expect(requestPasswordReset({ email: MERCHANT.email }, world)).resolves.toBeUndefined();
      expect(world.mailer.sent).toHaveLength(10);
      world.clock.advance({ seconds: 1 });

      // Act
      const afterTheHour = await outcomeOf(requestPasswordReset({ email: MERCHANT.email }, world));

      // Assess
      expect(afterTheHour).toEqual({ resolved: undefined });
      expect(world.mailer.sent).toHaveLength(12);
    });

    it('counts each address on its own', async () => {
      // Prepare
      for (let i = 0; i < 5; i += 1) await requestPasswordReset({ email: UNKNOWN }, world);

      // Act
      await requestPasswordReset({ email: MERCHANT.email }, world);

      // Assess
      expect(world.mailer.sent).toHaveLength(2);
    });
  });

  describe('failures', () => {
    it('does not throw when SES refuses the mails, and the audit says so', async () => {
      // Prepare
      world.mailer.failNext(new Error('MessageRejected: sending paused'));

      // Act
      const result = requestPasswordReset({ email: MERCHANT.email }, world);

      // Assess
      await expect(result).resolves.toBeUndefined();
      expect(world.audit.events).toEqual([
        {
          event: 'password-reset.requested',
          outcome: 'failure',
          loginId: MERCHANT.loginId,
          email: MERCHANT.email,
          reason: 'mail not sent',
        },
      ]);
    });

    it('does not throw when the store fails, and names the error for ops', async () => {
      // Prepare
      world.requests.put = async () =>
        Promise.reject(Object.assign(new Error('throttled'), { name: 'ProvisionedThroughputExceededException' }));

      // Act
      const result = requestPasswordReset({ email: MERCHANT.email }, world);

      // Assess
      await expect(result).resolves.toBeUndefined();
      expect(world.audit.last()).toMatchObject({ outcome: 'failure', reason: 'ProvisionedThroughputExceededException' });
    });

    it('never puts the token or passcode in the audit trail', async () => {
      // Act
      await requestPasswordReset({ email: MERCHANT.email }, world);

      // Assess
      const { token, passcode } = lastRegistrationMails(world);
      const logged = JSON.stringify(world.audit.events);
      expect(logged).not.toContain(token);
      expect(logged).not.toContain(passcode);
    });
  });
});
