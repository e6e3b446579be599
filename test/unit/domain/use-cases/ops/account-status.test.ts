import { hashToken } from '../../../../../lambdas/domain/completion-token';
import { AccountStateError } from '../../../../../lambdas/domain/errors';
import { accountStatus } from '../../../../../lambdas/domain/use-cases/ops/account-status';
import { createAccount } from '../../../../../lambdas/domain/use-cases/ops/create-account';
import { signedInSession } from '../../../fakes/signed-in-session';
import { redeemRequest } from '../../../../../lambdas/domain/use-cases/shared/redeem-request';
import { requestEmailChange } from '../../../../../lambdas/domain/use-cases/merchant/request-email-change';
import { requestPasswordReset } from '../../../../../lambdas/domain/use-cases/merchant/request-password-reset';
import { requestRegistration } from '../../../../../lambdas/domain/use-cases/merchant/request-registration';
import { setAccountDisabled } from '../../../../../lambdas/domain/use-cases/ops/set-account-disabled';
import {
  failureOf,
  fakeWorld,
  lastRegistrationMails,
  MERCHANT,
  PASSWORDS,
  seedRegisteredAccount,
  stringsIn,
  type FakeWorld,
} from '../../../fakes/world';
import { otherThan } from '../../../../support/redeeming';

const OPS = { operator: 'ops-tanaka' };
const LOGIN_ID = 'M20250401';
const EMAIL = 'hanako@example.com';

/** Every secret the world holds: hashes, sealed passwords, token and passcode hashes. */
function secretsOf(world: FakeWorld): string[] {
  const fromAccounts = world.accounts
    .all()
    .flatMap((a) => [
      a.initialPasswordHash,
      a.pendingLetter?.sealedPassword,
      a.pendingTokenHash,
      a.pendingResetTokenHash,
      a.pendingEmailChangeTokenHash,
      ...a.passwordHistory,
    ]);
  const fromRequests = world.requests.all().flatMap((r) => [r.tokenHash, r.passcodeHash]);
  return [...fromAccounts, ...fromRequests].filter((s): s is string => !!s);
}

describe('accountStatus (ops)', () => {
  let world: FakeWorld;
  const status = (ref: { loginId: string } | { email: string } = { loginId: LOGIN_ID }) => accountStatus(ref, OPS, world);

  beforeEach(() => {
    world = fakeWorld();
  });

  describe('an invited account', () => {
    let letter: Awaited<ReturnType<typeof createAccount>>;

    beforeEach(async () => {
      letter = await createAccount({ loginId: LOGIN_ID, letter: { companyName: '株式会社テスト', postalCode: '150-0043' } }, world);
      world.clock.advance({ days: 1 });
    });

    const firstLogin = () => requestRegistration({ loginId: LOGIN_ID, initialPassword: letter.initialPassword, email: EMAIL }, world);

    it("shows the initial password's expiry, the letter still to print and its address", async () => {
      expect(await status()).toEqual({
        loginId: LOGIN_ID,
        state: 'invited',
        createdAt: '2025-04-01T09:00:00.000Z',
        letter: { companyName: '株式会社テスト', postalCode: '150-0043' },
        initialPassword: { expiresAt: '2025-06-30T09:00:00.000Z', expired: false },
        letterToPrint: { issuedAt: '2025-04-01T09:00:00.000Z' },
        lockedUntil: {},
      });
    });

    it('no longer lists a letter to print once it is produced, and says when the initial password expired', async () => {
      // Prepare
      await world.accounts.takeLetter(LOGIN_ID, '2025-04-01T09:00:00.000Z');
      world.clock.set('2025-06-30T09:00:00.000Z');

      // Act
      const shown = await status();

      // Assess
      expect(shown).not.toHaveProperty('letterToPrint');
      expect(shown.initialPassword).toEqual({ expiresAt: '2025-06-30T09:00:00.000Z', expired: true });
    });

    it('shows a pending registration with its address, expiry and wrong passcodes, read from the request', async () => {
      // Prepare
      await firstLogin();
      const { token } = lastRegistrationMails(world);
      const passcode = otherThan(lastRegistrationMails(world).passcode);
      await failureOf(redeemRequest('registration', { token, passcode }, world, { apply: async () => {} }));

      // Act
      const shown = await status();

      // Assess
      expect(shown.state).toBe('pending registration');
      expect(shown.registration).toEqual({
        state: 'pending',
        email: EMAIL,
        createdAt: '2025-04-02T09:00:00.000Z',
        expiresAt: '2025-04-03T09:00:00.000Z',
        wrongPasscodes: 1,
      });
    });

    it.each([
      ['expired', (w: FakeWorld) => w.clock.advance({ hours: 24 })],
      [
        'voided',
        async (w: FakeWorld) => {
          const { token, passcode } = lastRegistrationMails(w);
          for (let i = 0; i < 5; i += 1)
            await failureOf(redeemRequest('registration', { token, passcode: otherThan(passcode) }, w, { apply: async () => {} }));
        },
      ],
    ])('is invited again once the registration request is %s, and says so', async (state, happen) => {
      // Prepare
      await firstLogin();
      await happen(world);

      // Act
      const shown = await status();

      // Assess
      expect(shown.state).toBe('invited');
      expect(shown.registration?.state).toBe(state);
    });

    it('shows the first-login lock of the ID', async () => {
      // Prepare
      for (let i = 0; i < 5; i += 1) {
        await failureOf(requestRegistration({ loginId: LOGIN_ID, initialPassword: 'Wrong#Password9', email: EMAIL }, world));
      }

      // Act
      const shown = await status();

      // Assess
      expect(shown.lockedUntil).toEqual({ firstLogin: '2025-04-02T09:15:00.000Z' });
    });
  });

  describe('a registered account', () => {
    beforeEach(() => {
      seedRegisteredAccount(world, { account: { letter: { companyName: '株式会社テスト' } } });
    });

    const signIn = (password: string = PASSWORDS.current) => signedInSession({ loginId: MERCHANT.email, password }, world);

    it('shows the email, registration date and the last two logins', async () => {
      // Prepare
      await signIn();
      world.clock.advance({ hours: 2 });
      await signIn();

      // Act
      const shown = await status();

      // Assess
      expect(shown).toEqual({
        loginId: LOGIN_ID,
        state: 'registered',
        createdAt: '2025-03-01T00:00:00.000Z',
        letter: { companyName: '株式会社テスト' },
        email: MERCHANT.email,
        registeredAt: '2025-03-02T00:00:00.000Z',
        lockedUntil: {},
        lastLoginAt: '2025-04-01T11:00:00.000Z',
        previousLoginAt: '2025-04-01T09:00:00.000Z',
        secondFactors: { passkeys: { count: 0 } },
      });
    });

    it('is found by its email too, whatever its case', async () => {
      expect((await status({ email: 'Hanako@Example.COM' })).loginId).toBe(LOGIN_ID);
    });

    it('shows the login lock of the email', async () => {
      // Prepare
      for (let i = 0; i < 5; i += 1) await failureOf(signIn('Wrong#Password9'));

      // Act
      const shown = await status();

      // Assess
      expect(shown.lockedUntil).toEqual({ login: '2025-04-01T09:15:00.000Z' });
    });

    it('shows who disabled it, when and why', async () => {
      // Prepare
      await setAccountDisabled(LOGIN_ID, { disabled: true, reason: 'suspected misuse', operator: 'ops-suzuki' }, world);

      // Act
      const shown = await status();

      // Assess
      expect(shown.disabled).toEqual({ at: '2025-04-01T09:00:00.000Z', by: 'ops-suzuki', reason: 'suspected misuse' });
      expect(shown.state).toBe('registered');
    });

    it('shows a pending password reset and email change with their addresses and expiry', async () => {
      // Prepare
      await requestPasswordReset({ email: MERCHANT.email }, world);
      world.clock.advance({ hours: 1 });
      await requestEmailChange(await signIn(), { newEmail: 'hanako.new@example.net' }, world);

      // Act
      const shown = await status();

      // Assess
      expect(shown.passwordReset).toEqual({
        state: 'pending',
        email: MERCHANT.email,
        createdAt: '2025-04-01T09:00:00.000Z',
        expiresAt: '2025-04-02T09:00:00.000Z',
        wrongPasscodes: 0,
      });
      expect(shown.emailChange).toEqual({
        state: 'pending',
        email: 'hanako.new@example.net',
        createdAt: '2025-04-01T10:00:00.000Z',
        expiresAt: '2025-04-02T10:00:00.000Z',
        wrongPasscodes: 0,
      });
    });

    it('says a finished password reset is used', async () => {
      // Prepare
      await requestPasswordReset({ email: MERCHANT.email }, world);
      const tokenHash = hashToken(lastRegistrationMails(world).token);
      await world.requests.claim(tokenHash, 'claimed', '');
      await world.requests.markUsed(tokenHash, 'claimed');

      // Act
      const shown = await status();

      // Assess
      expect(shown.passwordReset?.state).toBe('used');
    });
  });

  it('never shows a hash, token, passcode hash or sealed password, in any state', async () => {
    // Prepare: an invited account with a pending registration, a registered one with every pending request.
    const letter = await createAccount('M20250409', world);
    await requestRegistration({ loginId: 'M20250409', initialPassword: letter.initialPassword, email: 'taro@example.com' }, world);
    seedRegisteredAccount(world);
    await requestPasswordReset({ email: MERCHANT.email }, world);
    await requestEmailChange(
      await signedInSession({ loginId: MERCHANT.email, password: PASSWORDS.current }, world),
      { newEmail: 'hanako.new@example.net' },
      world,
    );

    // Act
    const shown = [await status({ loginId: 'M20250409' }), await status({ loginId: LOGIN_ID })];

    // Assess
    const secrets = secretsOf(world);
    expect(secrets.length).toBeGreaterThan(8);
    expect(stringsIn(shown).filter((s) => secrets.some((secret) => s.includes(secret)))).toEqual([]);
    expect(JSON.stringify(shown)).not.toMatch(/hash|sealed|token|"passcode/i);
    expect(JSON.stringify(shown)).not.toContain(letter.initialPassword);
  });

  it('refuses an unknown login ID or email with a hint, and audits the look-up', async () => {
    // Act
    const byId = await failureOf(status({ loginId: 'M99999999' }));
    const byEmail = await failureOf(status({ email: 'nobody@example.com' }));

    // Assess
    expect(byId).toBeInstanceOf(AccountStateError);
    expect((byId as Error).message).toBe('No account M99999999.');
    expect((byEmail as Error).message).toContain('look the merchant up by login ID');
    expect(world.audit.events).toEqual([
      { event: 'account.viewed', outcome: 'failure', loginId: 'M99999999', reason: 'no such account', operator: 'ops-tanaka' },
      { event: 'account.viewed', outcome: 'failure', email: 'nobody@example.com', reason: 'no such account', operator: 'ops-tanaka' },
    ]);
  });

  it('records who looked at which account', async () => {
    // Prepare
    seedRegisteredAccount(world);

    // Act
    await status();

    // Assess
    expect(world.audit.last()).toEqual({ event: 'account.viewed', outcome: 'success', loginId: LOGIN_ID, operator: 'ops-tanaka' });
  });
});
