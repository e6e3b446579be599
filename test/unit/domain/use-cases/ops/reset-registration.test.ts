import { AccountStateError, InvalidCredentialsError, LinkInvalidError, PasswordPolicyError } from '../../../../../lambdas/domain/errors';
import { openPassword } from '../../../../../lambdas/domain/letter-seal';
import { lockoutKey } from '../../../../../lambdas/domain/lockout';
import { verifyPassword } from '../../../../../lambdas/domain/password-hash';
import { hashSessionId } from '../../../../../lambdas/domain/session-id';
import { completeRegistration } from '../../../../../lambdas/domain/use-cases/merchant/complete-registration';
import { signedInSession } from '../../../fakes/signed-in-session';
import { openRequest } from '../../../../../lambdas/domain/use-cases/shared/open-request';
import { requestEmailChange } from '../../../../../lambdas/domain/use-cases/merchant/request-email-change';
import { requestPasswordReset } from '../../../../../lambdas/domain/use-cases/merchant/request-password-reset';
import { requestRegistration } from '../../../../../lambdas/domain/use-cases/merchant/request-registration';
import { resetRegistration } from '../../../../../lambdas/domain/use-cases/ops/reset-registration';
import {
  failureOf,
  fakeWorld,
  lastRegistrationMails,
  MERCHANT,
  PASSWORDS,
  seedInvitedAccount,
  seedRegisteredAccount,
  stringsIn,
  type FakeWorld,
} from '../../../fakes/world';

const CASE = { reason: 'lost access to email; identity confirmed by call-back (ticket 4711)', operator: 'ops-tanaka' };
const NEW_EMAIL = 'hanako.new@example.net';
const OTHER = { loginId: 'M20250402', email: 'taro@example.com' };

describe('resetRegistration (ops, the merchant lost access to their email)', () => {
  let world: FakeWorld;
  let before: ReturnType<typeof seedRegisteredAccount>;

  const signIn = (email: string = MERCHANT.email, password: string = PASSWORDS.current) =>
    signedInSession({ loginId: email, password }, world);

  /** First login from the new letter to a new email, then the two emails and a new password. */
  async function registerAgain(initialPassword: string, email = NEW_EMAIL, password: string = PASSWORDS.fresh) {
    await requestRegistration({ loginId: MERCHANT.loginId, initialPassword, email }, world);
    const { token, passcode } = lastRegistrationMails(world);
    await completeRegistration({ token, passcode, newPassword: password, newPasswordConfirmation: password }, world);
  }

  beforeEach(() => {
    world = fakeWorld();
    before = seedRegisteredAccount(world, {
      account: { lastLoginAt: '2025-03-30T00:00:00.000Z', letter: { companyName: '株式会社テスト' } },
    });
    seedRegisteredAccount(world, OTHER);
  });

  it('takes the account back to the letter stage: invited, new initial password sealed for one letter, no email, history kept', async () => {
    // Act
    const reset = await resetRegistration(MERCHANT.loginId, CASE, world);

    // Assess
    const account = world.accounts.peek(MERCHANT.loginId)!;
    expect(account).toMatchObject({
      status: 'invited',
      passwordHistory: [account.initialPasswordHash, ...before.passwordHistory.slice(0, 3)],
      initialPasswordExpiresAt: '2025-06-30T09:00:00.000Z',
      letter: { companyName: '株式会社テスト' },
      lastLoginAt: '2025-03-30T00:00:00.000Z',
      createdAt: before.createdAt,
    });
    for (const gone of ['email', 'registeredAt', 'pendingTokenHash', 'pendingResetTokenHash', 'pendingEmailChangeTokenHash']) {
      expect(account).not.toHaveProperty(gone);
    }
    expect(await verifyPassword(reset.initialPassword, account.initialPasswordHash!)).toBe(true);
    expect(openPassword(world.letterKey, MERCHANT.loginId, account.pendingLetter!.sealedPassword)).toBe(reset.initialPassword);
    expect(reset).toMatchObject({
      loginId: MERCHANT.loginId,
      previousEmail: MERCHANT.email,
      initialPasswordExpiresAt: '2025-06-30T09:00:00.000Z',
      disabled: false,
    });
  });

  it('lets the merchant register again with a new email from the new initial password, and log in with it', async () => {
    // Prepare
    const { initialPassword } = await resetRegistration(MERCHANT.loginId, CASE, world);

    // Act
    await registerAgain(initialPassword);

    // Assess
    expect(world.accounts.peek(MERCHANT.loginId)).toMatchObject({ status: 'registered', email: NEW_EMAIL });
    await signIn(NEW_EMAIL, PASSWORDS.fresh);
  });

  it('keeps the password history: neither an old password nor the new initial one can be the new password', async () => {
    // Prepare
    const { initialPassword } = await resetRegistration(MERCHANT.loginId, CASE, world);

    // Act
    const reused = await failureOf(registerAgain(initialPassword, NEW_EMAIL, PASSWORDS.current));
    const older = await failureOf(registerAgain(initialPassword, NEW_EMAIL, PASSWORDS.previous[1]));
    const letterPassword = await failureOf(registerAgain(initialPassword, NEW_EMAIL, initialPassword));

    // Assess
    expect(reused).toBeInstanceOf(PasswordPolicyError);
    expect(older).toBeInstanceOf(PasswordPolicyError);
    expect(letterPassword).toBeInstanceOf(PasswordPolicyError);
    expect((reused as PasswordPolicyError).violations.map((v) => v.rule)).toEqual(['history']);
  });

  it('deletes the directory user: the old email can no longer log in, and is free for anyone', async () => {
    // Prepare
    await resetRegistration(MERCHANT.loginId, CASE, world);
    await seedInvitedAccount(world, { loginId: 'M20250499' });

    // Act
    const oldLogin = await failureOf(signIn());
    await requestRegistration({ loginId: 'M20250499', initialPassword: 'Hq7#xTk4Wp9=Ny', email: MERCHANT.email }, world);

    // Assess
    expect(oldLogin).toBeInstanceOf(InvalidCredentialsError);
    expect(world.identity.userOf(MERCHANT.email)).toBeUndefined();
    expect(await world.accounts.findByEmail(MERCHANT.email)).toBeUndefined();
    expect(world.mailer.sent.at(-1)?.to).toBe(MERCHANT.email);
  });

  it("ends every session of the account, and no other account's", async () => {
    // Prepare
    const mine = [await signIn(), await signIn()];
    const theirs = await signIn(OTHER.email);

    // Act
    const reset = await resetRegistration(MERCHANT.loginId, CASE, world);

    // Assess
    expect(reset.sessionsEnded).toBe(2);
    for (const sessionId of mine) expect(world.sessions.peek(hashSessionId(sessionId))).toBeUndefined();
    expect(world.sessions.peek(hashSessionId(theirs))).toBeDefined();
  });

  it("voids a pending password reset and email change: their links answer 'replaced'", async () => {
    // Prepare
    await requestPasswordReset({ email: MERCHANT.email }, world);
    const reset = lastRegistrationMails(world);
    await requestEmailChange(await signIn(), { newEmail: NEW_EMAIL }, world);
    const change = lastRegistrationMails(world);

    // Act
    await resetRegistration(MERCHANT.loginId, CASE, world);

    // Assess
    for (const [kind, token] of [
      ['passwordReset', reset.token],
      ['emailChange', change.token],
    ] as const) {
      const refused = await failureOf(openRequest(kind, token, world));
      expect(refused).toBeInstanceOf(LinkInvalidError);
      expect(refused).toMatchObject({ reason: 'replaced' });
    }
  });

  it('clears the first-login lock of the ID', async () => {
    // Prepare
    const key = lockoutKey('first-login', MERCHANT.loginId);
    for (let i = 0; i < 5; i += 1) await world.limits.recordFailure(key, world.lockout, world.clock.now());

    // Act
    await resetRegistration(MERCHANT.loginId, CASE, world);

    // Assess
    expect(await world.limits.lockedUntil(key, world.clock.now())).toBeUndefined();
  });

  it('refuses an invited account, pointing to reissue, and changes nothing', async () => {
    // Prepare
    const invited = await seedInvitedAccount(world, { loginId: 'M20250403' });

    // Act
    const refused = await failureOf(resetRegistration('M20250403', CASE, world));

    // Assess
    expect(refused).toBeInstanceOf(AccountStateError);
    expect((refused as Error).message).toContain('reissue');
    expect(world.accounts.peek('M20250403')).toEqual(invited);
    expect(world.audit.last()).toEqual({
      event: 'account.registration-reset',
      outcome: 'failure',
      loginId: 'M20250403',
      reason: 'account invited',
      requestReason: CASE.reason,
      operator: 'ops-tanaka',
    });
  });

  it('refuses an unknown login ID', async () => {
    const refused = await failureOf(resetRegistration('M99999999', CASE, world));
    expect(refused).toBeInstanceOf(AccountStateError);
    expect((refused as Error).message).toBe('No account M99999999.');
  });

  it('changes nothing when the directory cannot delete the user', async () => {
    // Prepare
    const session = await signIn();
    world.identity.failNextRemove();

    // Act
    await failureOf(resetRegistration(MERCHANT.loginId, CASE, world));

    // Assess
    expect(world.accounts.peek(MERCHANT.loginId)).toMatchObject({ status: 'registered', email: MERCHANT.email });
    expect(world.identity.userOf(MERCHANT.email)).toBeDefined();
    expect(world.sessions.peek(hashSessionId(session))).toBeDefined();
  });

  it('leaves a state that running it again finishes, when the account write fails after the user is deleted', async () => {
    // Prepare
    world.accounts.failNextReset();
    await failureOf(resetRegistration(MERCHANT.loginId, CASE, world));
    const halfway = world.accounts.peek(MERCHANT.loginId);

    // Act
    const reset = await resetRegistration(MERCHANT.loginId, CASE, world);

    // Assess
    expect(halfway).toMatchObject({ status: 'registered', email: MERCHANT.email });
    expect(world.accounts.peek(MERCHANT.loginId)).toMatchObject({ status: 'invited' });
    await registerAgain(reset.initialPassword);
  });

  it('changes nothing in the account when it changed email between the read and the write', async () => {
    // Prepare: read under the old email, then moved to another before the write.
    const read = world.accounts.get.bind(world.accounts);
    jest.spyOn(world.accounts, 'get').mockImplementationOnce(async (loginId) => {
      const account = await read(loginId);
      world.accounts.seed({ ...account!, email: 'hanako.moved@example.com' });
      return account;
    });

    // Act
    const refused = await failureOf(resetRegistration(MERCHANT.loginId, CASE, world));

    // Assess
    expect(refused).toBeInstanceOf(AccountStateError);
    expect((refused as Error).message).toContain('run reset-registration again');
    expect(world.accounts.peek(MERCHANT.loginId)).toMatchObject({ status: 'registered', email: 'hanako.moved@example.com' });
  });

  it('works on a disabled account, which stays disabled', async () => {
    // Prepare
    await world.accounts.setDisabled(MERCHANT.loginId, { at: world.clock.iso(), reason: 'suspected misuse', by: 'ops-suzuki' });

    // Act
    const reset = await resetRegistration(MERCHANT.loginId, CASE, world);

    // Assess
    expect(reset.disabled).toBe(true);
    expect(world.accounts.peek(MERCHANT.loginId)).toMatchObject({ status: 'invited', disabled: { reason: 'suspected misuse' } });
  });

  it('records one audit line with the operator, the reason and the old email, never a secret', async () => {
    // Prepare
    await signIn();

    // Act
    const reset = await resetRegistration(MERCHANT.loginId, CASE, world);

    // Assess
    expect(world.audit.last()).toEqual({
      event: 'account.registration-reset',
      outcome: 'success',
      loginId: MERCHANT.loginId,
      email: MERCHANT.email,
      reason: CASE.reason,
      operator: 'ops-tanaka',
      sessionsEnded: 1,
      initialPasswordExpiresAt: '2025-06-30T09:00:00.000Z',
    });
    const sealed = world.accounts.peek(MERCHANT.loginId)!.pendingLetter!.sealedPassword;
    expect(stringsIn(world.audit.events).filter((s) => s.includes(reset.initialPassword) || s.includes(sealed))).toEqual([]);
  });
});
