import { PasskeyNotRegisteredError, ProofRequiredError, SessionRequiredError, ValidationError } from '../../../../../lambdas/domain/errors';
import { registerPasskey } from '../../../../../lambdas/domain/use-cases/merchant/register-passkey';
import { startPasskeyRegistration } from '../../../../../lambdas/domain/use-cases/merchant/start-passkey-registration';
import { NodeAuthenticator, type Overrides } from '../../../../support/node-authenticator';
import { failureOf, fakeWorld, MERCHANT, SITE_URL, stringsIn, type FakeWorld } from '../../../fakes/world';
import { asResponse, registeredPasskey, registerWith, signedInMerchant } from './passkey-support';

describe('registerPasskey (このデバイスにパスキーを登録)', () => {
  let world: FakeWorld;
  let sessionId: string;
  let authenticator: NodeAuthenticator;

  beforeEach(async () => {
    world = fakeWorld();
    sessionId = await signedInMerchant(world);
    authenticator = new NodeAuthenticator(SITE_URL);
  });

  const register = (overrides: Overrides = {}, name?: string) => registerWith(world, sessionId, authenticator, { overrides, name });

  it('offers options for this site and the merchant, with a random user handle and a single-use challenge', async () => {
    // Act
    const options = (await startPasskeyRegistration(sessionId, world)) as Record<string, any>;

    // Assess
    expect(options.rp).toEqual({ name: 'GMOフィナンシャルゲート', id: 'support.example.jp' });
    expect(options.user.name).toBe(MERCHANT.email);
    expect(options.user.displayName).toBe(MERCHANT.email);
    expect(Buffer.from(options.user.id, 'base64url').toString()).not.toContain(MERCHANT.loginId);
    expect(options.authenticatorSelection).toMatchObject({ residentKey: 'required', userVerification: 'required' });
    expect(options.attestation).toBe('none');
    expect(world.steps.all()).toEqual([
      expect.objectContaining({ purpose: 'passkey-registration', loginId: MERCHANT.loginId, challenge: options.challenge }),
    ]);
    expect(world.steps.all()[0].expiresAt).toBe('2025-04-01T09:05:00.000Z');
  });

  it('keeps the same user handle for every passkey of the account', async () => {
    // Act
    const first = (await startPasskeyRegistration(sessionId, world)) as Record<string, any>;
    const second = (await startPasskeyRegistration(sessionId, world)) as Record<string, any>;

    // Assess
    expect(second.user.id).toBe(first.user.id);
  });

  it('stores a verified passkey with a dated default name, audits it and sends a notice', async () => {
    // Act
    const registered = await register();

    // Assess
    expect(registered).toEqual({
      id: authenticator.credentialId,
      name: 'パスキー (2025/04/01 登録)',
      firstFactor: true,
      recoveryCodes: expect.arrayContaining([expect.stringMatching(/^[0-9a-z]{4}-[0-9a-z]{4}$/)]),
    });
    // The first factor brings the recovery codes, so a password sign-in now asks the second step.
    expect(registered.recoveryCodes).toHaveLength(10);
    expect((await world.codeFactors.recoveryCodesOf(MERCHANT.loginId))?.codeHashes).toHaveLength(10);
    const stored = await world.passkeys.getPasskey(authenticator.credentialId);
    expect(stored).toMatchObject({
      kind: 'passkey',
      loginId: MERCHANT.loginId,
      counter: 1,
      deviceType: 'singleDevice',
      backedUp: false,
      transports: ['internal'],
    });
    expect(world.audit.named('passkey.registered')).toEqual([expect.objectContaining({ outcome: 'success', loginId: MERCHANT.loginId })]);
    expect(stringsIn(world.audit.events)).not.toContain(stored!.publicKey);
    expect(world.mailer.sent.at(-1)).toMatchObject({
      to: MERCHANT.email,
      subject: '【GMOフィナンシャルゲート】お客様サポートWEB パスキー登録のお知らせ',
    });
    expect(world.mailer.sent.at(-1)!.text).toContain('パスキーの名前 : パスキー (2025/04/01 登録)');
  });

  it('takes the name the merchant gives, and reports a later passkey as not the first factor', async () => {
    // Prepare
    await register();
    authenticator = new NodeAuthenticator(SITE_URL);

    // Act
    const second = await register({}, '  事務所のPC  ');

    // Assess
    expect(second).toMatchObject({ name: '事務所のPC', firstFactor: false });
    expect(second.recoveryCodes).toBeUndefined();
  });

  it.each([
    ['a wrong origin', { origin: 'https://evil.example.com' }, 'wrong origin'],
    ['a wrong RP ID', { rpId: 'evil.example.com' }, 'wrong RP ID'],
    ['no user verification', { userVerified: false }, 'user not verified'],
  ])('refuses %s, stores nothing and audits why', async (_case, overrides, reason) => {
    // Act
    const error = await failureOf(register(overrides));

    // Assess
    expect(error).toBeInstanceOf(PasskeyNotRegisteredError);
    expect(await world.passkeys.passkeysOf(MERCHANT.loginId)).toEqual([]);
    expect(world.audit.last()).toMatchObject({ event: 'passkey.registered', outcome: 'failure', reason });
  });

  it('refuses a challenge used once already', async () => {
    // Prepare
    const options = await startPasskeyRegistration(sessionId, world);
    const response = asResponse(authenticator.create(options as never));
    await registerPasskey(sessionId, { response }, world);

    // Act
    const error = await failureOf(registerPasskey(sessionId, { response }, world));

    // Assess
    expect(error).toBeInstanceOf(PasskeyNotRegisteredError);
    expect(world.audit.last()).toMatchObject({ outcome: 'failure', reason: 'no challenge (unknown, used or never asked)' });
  });

  it('refuses a challenge older than 5 minutes', async () => {
    // Prepare
    const options = await startPasskeyRegistration(sessionId, world);
    world.clock.advance({ minutes: 4, seconds: 59 });
    // The merchant proved again just before; only the challenge is old.
    await world.sessions.recordProof(world.sessions.all()[0].sessionIdHash, world.clock.iso());
    world.clock.advance({ seconds: 1 });

    // Act
    const error = await failureOf(registerPasskey(sessionId, { response: asResponse(authenticator.create(options as never)) }, world));

    // Assess
    expect(error).toBeInstanceOf(PasskeyNotRegisteredError);
    expect(world.audit.last()).toMatchObject({ reason: 'challenge expired' });
  });

  it('never stores a credential ID twice', async () => {
    // Prepare
    await register();

    // Act
    const error = await failureOf(register());

    // Assess
    expect(error).toBeInstanceOf(PasskeyNotRegisteredError);
    expect(world.audit.last()).toMatchObject({ reason: 'credential already registered' });
    expect(await world.passkeys.passkeysOf(MERCHANT.loginId)).toHaveLength(1);
  });

  it('asks for the password again when the sign-in is more than 5 minutes old', async () => {
    // Prepare
    world.clock.advance({ minutes: 6 });

    // Act
    const options = await failureOf(startPasskeyRegistration(sessionId, world));
    const registration = await failureOf(registerPasskey(sessionId, { response: asResponse({ id: 'x' }) }, world));

    // Assess
    expect(options).toBeInstanceOf(ProofRequiredError);
    expect(registration).toBeInstanceOf(ProofRequiredError);
    expect(world.steps.all()).toEqual([]);
  });

  it('asks for a login without a session', async () => {
    expect(await failureOf(startPasskeyRegistration(undefined, world))).toBeInstanceOf(SessionRequiredError);
  });

  it.each(['', '   ', 'あ'.repeat(51)])('refuses the name %j before anything is taken', async (name) => {
    // Prepare
    await startPasskeyRegistration(sessionId, world);

    // Act
    const error = await failureOf(registerPasskey(sessionId, { response: asResponse({ id: 'x' }), name }, world));

    // Assess
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).fields).toEqual({ name: 'パスキーの名前は1〜50文字で入力してください。' });
    expect(world.steps.all()).toHaveLength(1);
  });

  it('a registration still succeeds when the notice cannot be sent', async () => {
    // Prepare
    world.mailer.failNext();

    // Act
    await registeredPasskey(world, sessionId);

    // Assess
    expect(await world.passkeys.passkeysOf(MERCHANT.loginId)).toHaveLength(1);
  });
});
