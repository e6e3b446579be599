import { AccountStateError, InvalidCredentialsError, LinkInvalidError } from '../../../../../lambdas/domain/errors';
import { openPassword } from '../../../../../lambdas/domain/letter-seal';
import { lockoutKey } from '../../../../../lambdas/domain/lockout';
import { verifyPassword } from '../../../../../lambdas/domain/password-hash';
import { createAccount } from '../../../../../lambdas/domain/use-cases/ops/create-account';
import { openRequest } from '../../../../../lambdas/domain/use-cases/shared/open-request';
import { reissueInitialPassword } from '../../../../../lambdas/domain/use-cases/ops/reissue-initial-password';
import { requestRegistration } from '../../../../../lambdas/domain/use-cases/merchant/request-registration';
import {
  failureOf,
  fakeWorld,
  lastRegistrationMails,
  MERCHANT,
  seedRegisteredAccount,
  stringsIn,
  type FakeWorld,
} from '../../../fakes/world';

const OPS = { operator: 'ops-tanaka' };
const LOGIN_ID = 'M20250401';
const EMAIL = 'hanako@example.com';

describe('reissueInitialPassword (ops, the letter never arrived)', () => {
  let world: FakeWorld;
  let first: Awaited<ReturnType<typeof createAccount>>;

  const firstLogin = (initialPassword: string, email = EMAIL) => requestRegistration({ loginId: LOGIN_ID, initialPassword, email }, world);

  beforeEach(async () => {
    world = fakeWorld();
    first = await createAccount({ loginId: LOGIN_ID, letter: { companyName: '株式会社テスト' } }, world);
    world.clock.advance({ days: 10 });
  });

  it('issues a new initial password: the new one opens the first login, the old one no longer', async () => {
    // Act
    const reissued = await reissueInitialPassword(LOGIN_ID, OPS, world);

    // Assess
    expect(reissued.initialPassword).toHaveLength(14);
    expect(reissued.initialPassword).not.toBe(first.initialPassword);
    expect(await failureOf(firstLogin(first.initialPassword))).toMatchObject({ reason: 'wrong initial password' });
    await firstLogin(reissued.initialPassword);
    expect(world.mailer.sent.map((m) => m.to)).toEqual([EMAIL, EMAIL]);
  });

  it('stores it as create-account does: a new hash, a new expiry from now, sealed for exactly one new letter', async () => {
    // Prepare
    const before = world.accounts.peek(LOGIN_ID)!;

    // Act
    const reissued = await reissueInitialPassword(LOGIN_ID, OPS, world);

    // Assess
    const account = world.accounts.peek(LOGIN_ID)!;
    expect(reissued.initialPasswordExpiresAt).toBe('2025-07-10T09:00:00.000Z');
    expect(account).toMatchObject({
      status: 'invited',
      initialPasswordExpiresAt: '2025-07-10T09:00:00.000Z',
      letter: { companyName: '株式会社テスト' },
    });
    expect(await verifyPassword(reissued.initialPassword, account.initialPasswordHash!)).toBe(true);
    expect(account.pendingLetter?.issuedAt).toBe('2025-04-11T09:00:00.000Z');
    expect(account.pendingLetter?.importRun).toBeUndefined();
    expect(openPassword(world.letterKey, LOGIN_ID, account.pendingLetter!.sealedPassword)).toBe(reissued.initialPassword);
    expect(await world.accounts.takeLetter(LOGIN_ID, before.pendingLetter!.issuedAt)).toBe(false);
    expect(await world.accounts.takeLetter(LOGIN_ID, account.pendingLetter!.issuedAt)).toBe(true);
    expect(stringsIn(world.accounts.all()).filter((s) => s.includes(reissued.initialPassword))).toEqual([]);
  });

  it("voids a pending registration: its link answers 'replaced'", async () => {
    // Prepare
    await firstLogin(first.initialPassword);
    const { token } = lastRegistrationMails(world);

    // Act
    const reissued = await reissueInitialPassword(LOGIN_ID, OPS, world);

    // Assess
    expect(reissued.registrationVoided).toBe(true);
    expect(world.accounts.peek(LOGIN_ID)).not.toHaveProperty('pendingTokenHash');
    const refused = await failureOf(openRequest('registration', token, world));
    expect(refused).toBeInstanceOf(LinkInvalidError);
    expect(refused).toMatchObject({ reason: 'replaced' });
  });

  it('clears the first-login lock of the ID, so the merchant can use the new letter at once', async () => {
    // Prepare
    for (let i = 0; i < 5; i += 1) await failureOf(firstLogin('Wrong#Password9'));
    expect(await world.limits.lockedUntil(lockoutKey('first-login', LOGIN_ID), world.clock.now())).toBeDefined();

    // Act
    const reissued = await reissueInitialPassword(LOGIN_ID, OPS, world);

    // Assess
    expect(world.limits.peek(lockoutKey('first-login', LOGIN_ID))).toBeUndefined();
    await firstLogin(reissued.initialPassword);
  });

  it('says when the previous letter had not been printed yet, and when the account is disabled', async () => {
    // Prepare
    const fresh = await reissueInitialPassword(LOGIN_ID, OPS, world);
    await world.accounts.takeLetter(LOGIN_ID, world.accounts.peek(LOGIN_ID)!.pendingLetter!.issuedAt);
    await world.accounts.setDisabled(LOGIN_ID, { at: world.clock.iso(), reason: 'suspected misuse', by: 'ops-suzuki' });

    // Act
    const again = await reissueInitialPassword(LOGIN_ID, OPS, world);

    // Assess
    expect(fresh).toMatchObject({ previousLetterUnprinted: true, disabled: false, registrationVoided: false });
    expect(again).toMatchObject({ previousLetterUnprinted: false, disabled: true });
    expect(world.accounts.peek(LOGIN_ID)?.disabled).toBeDefined();
    expect(await failureOf(firstLogin(again.initialPassword))).toBeInstanceOf(InvalidCredentialsError);
  });

  it('refuses a registered account, pointing to reset-registration, and changes nothing', async () => {
    // Prepare
    const registered = seedRegisteredAccount(world, { loginId: 'M20250402', email: MERCHANT.email });

    // Act
    const refused = await failureOf(reissueInitialPassword('M20250402', OPS, world));

    // Assess
    expect(refused).toBeInstanceOf(AccountStateError);
    expect((refused as Error).message).toContain('reset-registration');
    expect(world.accounts.peek('M20250402')).toEqual(registered);
    expect(world.audit.last()).toEqual({
      event: 'account.reissued',
      outcome: 'failure',
      loginId: 'M20250402',
      reason: 'account registered',
      operator: 'ops-tanaka',
    });
  });

  it('refuses an unknown login ID, creating nothing', async () => {
    // Act
    const refused = await failureOf(reissueInitialPassword('M99999999', OPS, world));

    // Assess
    expect(refused).toBeInstanceOf(AccountStateError);
    expect((refused as Error).message).toBe('No account M99999999.');
    expect(world.accounts.peek('M99999999')).toBeUndefined();
  });

  it('changes nothing when the merchant registers between the read and the write (conditional write)', async () => {
    // Prepare: the account is read as invited, then registers before the reissue is written.
    const read = world.accounts.get.bind(world.accounts);
    jest.spyOn(world.accounts, 'get').mockImplementationOnce(async (loginId) => {
      const account = await read(loginId);
      world.accounts.seed({
        ...account!,
        status: 'registered',
        email: EMAIL,
        initialPasswordHash: undefined,
        initialPasswordExpiresAt: undefined,
      });
      return account;
    });

    // Act
    const refused = await failureOf(reissueInitialPassword(LOGIN_ID, OPS, world));

    // Assess
    expect(refused).toBeInstanceOf(AccountStateError);
    expect(world.accounts.peek(LOGIN_ID)).toMatchObject({ status: 'registered', email: EMAIL });
    expect(world.accounts.peek(LOGIN_ID)?.initialPasswordHash).toBeUndefined();
    expect(world.audit.last()).toMatchObject({ outcome: 'failure', reason: 'account no longer invited' });
  });

  it('records one audit line with the operator and the new expiry, never the password or its seal', async () => {
    // Prepare
    await firstLogin(first.initialPassword);

    // Act
    const reissued = await reissueInitialPassword(LOGIN_ID, OPS, world);

    // Assess
    expect(world.audit.last()).toEqual({
      event: 'account.reissued',
      outcome: 'success',
      loginId: LOGIN_ID,
      operator: 'ops-tanaka',
      initialPasswordExpiresAt: '2025-07-10T09:00:00.000Z',
      registrationVoided: true,
    });
    const sealed = world.accounts.peek(LOGIN_ID)!.pendingLetter!.sealedPassword;
    const logged = stringsIn(world.audit.events);
    expect(logged.filter((s) => s.includes(reissued.initialPassword) || s.includes(sealed))).toEqual([]);
  });
});
