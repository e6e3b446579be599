import { PasskeyFailedError } from '../../../../../lambdas/domain/errors';
import { hashSessionId } from '../../../../../lambdas/domain/session-id';
import { signInWithPasskey } from '../../../../../lambdas/domain/use-cases/merchant/sign-in-with-passkey';
import { startPasskeySignIn } from '../../../../../lambdas/domain/use-cases/merchant/start-passkey-sign-in';
import { NodeAuthenticator, type Overrides } from '../../../../support/node-authenticator';
import { CLIENT, failureOf, fakeWorld, MERCHANT, SITE_URL, type FakeWorld } from '../../../fakes/world';
import { asResponse, registeredPasskey, signedInMerchant } from './passkey-support';

const ONE_MESSAGE = 'パスキーでログインできませんでした。もう一度お試しいただくか、メールアドレスとパスワードでログインしてください。';

describe('signInWithPasskey (パスキーでログイン)', () => {
  let world: FakeWorld;
  let authenticator: NodeAuthenticator;

  beforeEach(async () => {
    world = fakeWorld();
    authenticator = await registeredPasskey(world, await signedInMerchant(world));
    world.clock.advance({ hours: 1 });
  });

  const attempt = async (overrides: Overrides = {}, using = authenticator) => {
    const { stepId, options } = await startPasskeySignIn(world);
    return { stepId, attempt: signInWithPasskey(stepId, { response: asResponse(using.get(options as never, overrides)) }, CLIENT, world) };
  };

  /** A refusal: the one message, nothing changed, the reason audited. */
  async function expectRefused(attempted: Promise<unknown>, reason: string) {
    const before = await world.passkeys.getPasskey(authenticator.credentialId);
    const sessions = world.sessions.all().length;
    const error = await failureOf(attempted);
    expect(error).toBeInstanceOf(PasskeyFailedError);
    expect((error as Error).message).toBe(ONE_MESSAGE);
    expect(await world.passkeys.getPasskey(authenticator.credentialId)).toEqual(before);
    expect(world.sessions.all()).toHaveLength(sessions);
    expect(world.audit.last()).toMatchObject({ event: 'passkey.sign-in', outcome: 'failure', reason });
  }

  it('asks for any discoverable passkey of this site, with user verification', async () => {
    // Act
    const { stepId, options } = await startPasskeySignIn(world);

    // Assess
    expect(options).toMatchObject({ rpId: 'support.example.jp', userVerification: 'required', allowCredentials: [] });
    const step = await world.steps.get(hashSessionId(stepId));
    expect(step).toMatchObject({ purpose: 'passkey-sign-in', challenge: options.challenge, expiresAt: '2025-04-01T10:05:00.000Z' });
    expect(step?.loginId).toBeUndefined();
  });

  it('signs in with a registered passkey: a session, the use recorded, audited as a passkey sign-in', async () => {
    // Act
    const { attempt: signedIn } = await attempt();
    const { sessionId } = await signedIn;

    // Assess
    expect(world.sessions.peek(hashSessionId(sessionId))).toMatchObject({
      loginId: MERCHANT.loginId,
      provedAt: '2025-04-01T10:00:00.000Z',
    });
    expect(await world.passkeys.getPasskey(authenticator.credentialId)).toMatchObject({
      counter: 2,
      lastUsedAt: '2025-04-01T10:00:00.000Z',
    });
    expect(world.audit.named('login').at(-1)).toMatchObject({ outcome: 'success', method: 'passkey' });
    expect(world.audit.named('passkey.sign-in')).toEqual([expect.objectContaining({ outcome: 'success', loginId: MERCHANT.loginId })]);
  });

  it('refuses a challenge used once already', async () => {
    // Prepare
    const { stepId, options } = await startPasskeySignIn(world);
    const response = asResponse(authenticator.get(options as never));
    await signInWithPasskey(stepId, { response }, CLIENT, world);

    // Act, Assess
    await expectRefused(signInWithPasskey(stepId, { response }, CLIENT, world), 'no challenge (unknown, used or never asked)');
  });

  it('refuses a challenge older than 5 minutes', async () => {
    // Prepare
    const { stepId, options } = await startPasskeySignIn(world);
    world.clock.advance({ minutes: 5 });

    // Act, Assess
    await expectRefused(
      signInWithPasskey(stepId, { response: asResponse(authenticator.get(options as never)) }, CLIENT, world),
      'challenge expired',
    );
  });

  it('refuses without a step cookie', async () => {
    await expectRefused(
      signInWithPasskey(undefined, { response: asResponse({ id: authenticator.credentialId }) }, CLIENT, world),
      'no challenge (unknown, used or never asked)',
    );
  });

  it('refuses an unknown credential', async () => {
    await expectRefused((await attempt({}, new NodeAuthenticator(SITE_URL))).attempt, 'unknown credential');
  });

  it.each([
    ['a wrong origin', { origin: 'https://support.example.jp.evil.example' }, 'wrong origin'],
    ['a wrong RP ID', { rpId: 'example.jp' }, 'wrong RP ID'],
    ['no user verification', { userVerified: false }, 'user not verified'],
    ['a forged signature', { forgeSignature: true }, 'signature not verified'],
    ['a counter that went backwards (a cloned passkey)', { counter: 1 }, 'counter went backwards (possible cloned passkey)'],
    ['another user handle', { userHandle: Buffer.from('someone else').toString('base64url') }, 'user handle mismatch'],
  ])('refuses %s', async (_case, overrides, reason) => {
    await expectRefused((await attempt(overrides)).attempt, reason);
  });

  it('refuses a disabled account', async () => {
    // Prepare
    await world.accounts.setDisabled(MERCHANT.loginId, { at: world.clock.iso(), reason: 'ops', by: 'ops@example.jp' });

    // Act, Assess
    await expectRefused((await attempt()).attempt, 'account disabled');
  });
});
