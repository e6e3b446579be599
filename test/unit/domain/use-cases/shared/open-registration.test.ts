import { hashToken } from '../../../../../lambdas/domain/completion-token';
import { LinkInvalidError } from '../../../../../lambdas/domain/errors';
import { completeRegistration } from '../../../../../lambdas/domain/use-cases/merchant/complete-registration';
import { openRequest } from '../../../../../lambdas/domain/use-cases/shared/open-request';

const openRegistration = (token: string, deps: Parameters<typeof openRequest>[2]) => openRequest('registration', token, deps);
import { requestRegistration } from '../../../../../lambdas/domain/use-cases/merchant/request-registration';
import { fakeWorld, lastRegistrationMails, LETTER, seedInvitedAccount, type FakeWorld } from '../../../fakes/world';

const EMAIL = 'hanako@example.com';
const NEW_PASSWORD = 'Vt4!rW9q]Zm2';

async function requested(world: FakeWorld) {
  await requestRegistration({ loginId: LETTER.loginId, initialPassword: LETTER.initialPassword, email: EMAIL }, world);
  return lastRegistrationMails(world);
}

async function refusal(token: string, world: FakeWorld): Promise<LinkInvalidError> {
  const error = await openRegistration(token, world).then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof LinkInvalidError)) throw new Error(`expected a LinkInvalidError, got ${String(error)}`);
  return error;
}

describe('openRegistration (パスコード入力 opens)', () => {
  let world: FakeWorld;

  beforeEach(async () => {
    world = fakeWorld();
    await seedInvitedAccount(world);
  });

  it('finds the pending request and its account', async () => {
    // Prepare
    const { token } = await requested(world);

    // Act
    const opened = await openRegistration(token, world);

    // Assess
    expect(opened.request).toMatchObject({ tokenHash: hashToken(token), email: EMAIL, status: 'pending' });
    expect(opened.account).toMatchObject({ loginId: LETTER.loginId, status: 'invited' });
  });

  it('says "unknown" for a token nobody was sent', async () => {
    // Act
    const error = await refusal('A'.repeat(43), world);

    // Assess
    expect(error.reason).toBe('unknown');
    expect(error.message).toBe('このURLは無効です。メールに記載のURLをご確認の上、再度アクセスしてください。');
  });

  it('says "expired" from the very moment of expiry, not a millisecond earlier', async () => {
    // Prepare
    const { token } = await requested(world);
    world.clock.advance({ hours: 24, ms: -1 });
    await expect(openRegistration(token, world)).resolves.toBeDefined();
    world.clock.advance({ ms: 1 });

    // Act
    const error = await refusal(token, world);

    // Assess
    expect(error.reason).toBe('expired');
    expect(error.message).toContain('再度申請');
  });

  it('says "used" once the registration is complete', async () => {
    // Prepare
    const { token, passcode } = await requested(world);
    await completeRegistration({ token, passcode, newPassword: NEW_PASSWORD, newPasswordConfirmation: NEW_PASSWORD }, world);

    // Act
    const error = await refusal(token, world);

    // Assess
    expect(error.reason).toBe('used');
    expect(error.message).toContain('ログインページからログイン');
  });

  it('says "voided" after too many wrong passcodes', async () => {
    // Prepare
    const { token, passcode } = await requested(world);
    const wrong = passcode === '000000' ? '111111' : '000000';
    for (let i = 0; i < 5; i += 1) {
      await completeRegistration({ token, passcode: wrong, newPassword: NEW_PASSWORD, newPasswordConfirmation: NEW_PASSWORD }, world).catch(
        () => undefined,
      );
    }

    // Act
    const error = await refusal(token, world);

    // Assess
    expect(error.reason).toBe('voided');
    expect(error.message).toContain('上限');
  });

  it('says "replaced" when a newer request was made', async () => {
    // Prepare
    const { token } = await requested(world);
    await requested(world);

    // Act
    const error = await refusal(token, world);

    // Assess
    expect(error.reason).toBe('replaced');
    expect(error.message).toContain('最新のメール');
  });

  it('records each refusal as an audit event without the token', async () => {
    // Prepare
    const { token } = await requested(world);
    world.clock.advance({ days: 2 });

    // Act
    await refusal(token, world);

    // Assess
    expect(world.audit.last()).toEqual({
      event: 'registration.link-refused',
      outcome: 'failure',
      loginId: LETTER.loginId,
      reason: 'expired',
    });
    expect(JSON.stringify(world.audit.events)).not.toContain(token);
  });
});
