import { AccountExistsError } from '../../../../../lambdas/domain/errors';
import { verifyPassword } from '../../../../../lambdas/domain/password-hash';
import { createAccount } from '../../../../../lambdas/domain/use-cases/ops/create-account';
import { requestRegistration } from '../../../../../lambdas/domain/use-cases/merchant/request-registration';
import { fakeWorld, stringsIn, type FakeWorld } from '../../../fakes/world';

describe('createAccount (ops provisioning)', () => {
  let world: FakeWorld;

  beforeEach(() => {
    world = fakeWorld();
  });

  it('creates an invited account whose initial password is stored only as a hash', async () => {
    // Act
    const letter = await createAccount('M20250401', world);

    // Assess
    const account = world.accounts.peek('M20250401')!;
    expect(account).toMatchObject({ loginId: 'M20250401', status: 'invited', passwordHistory: [], createdAt: '2025-04-01T09:00:00.000Z' });
    expect(letter.initialPassword).toHaveLength(14);
    expect(stringsIn(world.accounts.all()).filter((s) => s.includes(letter.initialPassword))).toEqual([]);
    expect(await verifyPassword(letter.initialPassword, account.initialPasswordHash!)).toBe(true);
  });

  it('makes the initial password valid for the configured number of days', async () => {
    // Act
    const letter = await createAccount('M20250401', { ...world, initialPasswordValidityDays: 90 });

    // Assess
    expect(letter.initialPasswordExpiresAt).toBe('2025-06-30T09:00:00.000Z');
    expect(world.accounts.peek('M20250401')?.initialPasswordExpiresAt).toBe('2025-06-30T09:00:00.000Z');
  });

  it('gives a letter the merchant can use for the first login', async () => {
    // Prepare
    const letter = await createAccount('M20250401', world);

    // Act
    await requestRegistration({ loginId: letter.loginId, initialPassword: letter.initialPassword, email: 'new@example.com' }, world);

    // Assess
    expect(world.mailer.sent).toHaveLength(2);
  });

  it('refuses a login ID that exists, keeping the existing account', async () => {
    // Prepare
    world.accounts.seed({
      loginId: 'M20250401',
      status: 'registered',
      email: 'a@example.com',
      passwordHistory: ['h'],
      createdAt: '2024-01-01T00:00:00.000Z',
    });

    // Act
    const attempt = createAccount('M20250401', world);

    // Assess
    await expect(attempt).rejects.toBeInstanceOf(AccountExistsError);
    expect(world.accounts.peek('M20250401')?.status).toBe('registered');
    expect(world.audit.last()).toEqual({
      event: 'account.created',
      outcome: 'failure',
      loginId: 'M20250401',
      reason: 'AccountExistsError',
    });
  });

  it('records the creation without the initial password', async () => {
    // Act
    const letter = await createAccount('M20250401', world);

    // Assess
    expect(world.audit.events).toEqual([
      { event: 'account.created', outcome: 'success', loginId: 'M20250401', initialPasswordExpiresAt: '2025-06-30T09:00:00.000Z' },
    ]);
    expect(JSON.stringify(world.audit.events)).not.toContain(letter.initialPassword);
  });
});
