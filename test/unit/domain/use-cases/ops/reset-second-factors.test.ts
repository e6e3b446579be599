import { generate } from 'otplib';
import { AccountStateError } from '../../../../../lambdas/domain/errors';
import { confirmAuthenticator } from '../../../../../lambdas/domain/use-cases/merchant/confirm-authenticator';
import { logIn } from '../../../../../lambdas/domain/use-cases/merchant/log-in';
import { setUpAuthenticator } from '../../../../../lambdas/domain/use-cases/merchant/set-up-authenticator';
import { showHome } from '../../../../../lambdas/domain/use-cases/merchant/show-home';
import { accountStatus } from '../../../../../lambdas/domain/use-cases/ops/account-status';
import { resetSecondFactors } from '../../../../../lambdas/domain/use-cases/ops/reset-second-factors';
import { CLIENT, failureOf, fakeWorld, MERCHANT, PASSWORDS, seedRegisteredAccount, stringsIn, type FakeWorld } from '../../../fakes/world';
import { registeredPasskey, signedInMerchant } from '../merchant/passkey-support';

const RESET = { reason: 'lost phone; call-back to contract number, ticket 4711', operator: 'ops-tanaka' };
const OTHER = { loginId: 'M20250402', email: 'taro@example.com' };
const credentials = { loginId: MERCHANT.email, password: PASSWORDS.current };

/** The app set up and confirmed in the session: the secret as the app holds it. */
async function withAuthenticator(world: FakeWorld, sessionId: string): Promise<string> {
  const { uri } = await setUpAuthenticator(sessionId, world);
  const secret = new URL(uri).searchParams.get('secret')!;
  await confirmAuthenticator(sessionId, await generate({ secret, epoch: Math.floor(world.clock.now().getTime() / 1000) }), world);
  return secret;
}

describe('resetSecondFactors (ops reset-mfa)', () => {
  let world: FakeWorld;
  let sessionId: string;

  beforeEach(async () => {
    world = fakeWorld();
    sessionId = await signedInMerchant(world);
    await withAuthenticator(world, sessionId);
    await registeredPasskey(world, sessionId, 'iPhone');
    await registeredPasskey(world, sessionId, 'YubiKey');
  });

  it('removes every passkey, the app and the recovery codes, and says what it removed', async () => {
    // Act
    const reset = await resetSecondFactors(MERCHANT.loginId, RESET, world);

    // Assess
    expect(reset).toEqual({
      loginId: MERCHANT.loginId,
      removed: { passkeys: 2, authenticator: true, recoveryCodes: true },
      sessionsEnded: 1,
    });
    expect(await world.factors.listOf(MERCHANT.loginId)).toEqual([]);
    expect(await world.codeFactors.authenticatorOf(MERCHANT.loginId)).toBeUndefined();
    expect(await world.codeFactors.recoveryCodesOf(MERCHANT.loginId)).toBeUndefined();
  });

  it('ends every session of the account, and no other account’s', async () => {
    // Prepare
    const theirs = await signedInMerchant(world, OTHER);

    // Act
    await resetSecondFactors(MERCHANT.loginId, RESET, world);

    // Assess
    expect(await failureOf(showHome(sessionId, world))).toBeDefined();
    expect(await showHome(theirs, world)).toEqual(expect.objectContaining({ loginId: OTHER.loginId }));
  });

  it('lets the merchant in with the password alone afterwards (optional policy), and leads to the set-up where it is required', async () => {
    // Act
    await resetSecondFactors(MERCHANT.loginId, RESET, world);

    // Assess
    expect(await logIn(credentials, CLIENT, world)).toEqual(expect.objectContaining({ next: 'signed-in' }));
    expect(await logIn(credentials, CLIENT, { ...world, mfaPolicy: 'required' })).toEqual(
      expect.objectContaining({ next: 'setup-second-factor' }),
    );
  });

  it('is audited as mfa.reset with the operator, the reason and the counts, and no secret', async () => {
    // Act
    await resetSecondFactors(MERCHANT.loginId, RESET, world);

    // Assess
    const line = world.audit.events.find((e) => e.event === 'mfa.reset');
    expect(line).toEqual({
      event: 'mfa.reset',
      outcome: 'success',
      loginId: MERCHANT.loginId,
      reason: RESET.reason,
      operator: 'ops-tanaka',
      passkeys: 2,
      authenticator: true,
      recoveryCodes: true,
      sessionsEnded: 1,
    });
  });

  it('removes a set-up that waits for its first code too', async () => {
    // Prepare
    const fresh = fakeWorld();
    const session = await signedInMerchant(fresh);
    await setUpAuthenticator(session, fresh);

    // Act
    const reset = await resetSecondFactors(MERCHANT.loginId, RESET, fresh);

    // Assess
    expect(reset.removed).toEqual({ passkeys: 0, authenticator: true, recoveryCodes: false });
    expect(await fresh.codeFactors.authenticatorOf(MERCHANT.loginId)).toBeUndefined();
  });

  it('refuses an account with no second factor, changing nothing (sessions stay), audited', async () => {
    // Prepare
    seedRegisteredAccount(world, OTHER);
    const theirs = await signedInMerchant(world, OTHER);

    // Act
    const failure = await failureOf(resetSecondFactors(OTHER.loginId, RESET, world));

    // Assess
    expect(failure).toBeInstanceOf(AccountStateError);
    expect((failure as Error).message).toMatch(/has no second factor.*nothing was changed/);
    expect(await showHome(theirs, world)).toEqual(expect.objectContaining({ loginId: OTHER.loginId }));
    expect(world.audit.events.at(-1)).toEqual(
      expect.objectContaining({ event: 'mfa.reset', outcome: 'failure', loginId: OTHER.loginId, reason: 'no second factor' }),
    );
  });

  it('refuses an unknown login ID, audited', async () => {
    const failure = await failureOf(resetSecondFactors('M29999999', RESET, world));
    expect(failure).toBeInstanceOf(AccountStateError);
    expect(world.audit.events.at(-1)).toEqual(
      expect.objectContaining({ event: 'mfa.reset', outcome: 'failure', reason: 'unknown login ID', operator: 'ops-tanaka' }),
    );
  });

  it('finishes the job when run again after a removal failed half-way', async () => {
    // Prepare: the index removal fails once, after the sessions ended.
    const removeAllOf = world.factors.removeAllOf.bind(world.factors);
    jest.spyOn(world.factors, 'removeAllOf').mockRejectedValueOnce(new Error('throttled'));
    await expect(resetSecondFactors(MERCHANT.loginId, RESET, world)).rejects.toThrow('throttled');
    jest.spyOn(world.factors, 'removeAllOf').mockImplementation(removeAllOf);

    // Act
    const reset = await resetSecondFactors(MERCHANT.loginId, RESET, world);

    // Assess
    expect(reset.removed.passkeys).toBe(2);
    expect(await world.factors.listOf(MERCHANT.loginId)).toEqual([]);
  });
});

describe('accountStatus shows the second factors (counts and dates, no secret)', () => {
  it('the app, the passkeys and the recovery codes left', async () => {
    // Prepare
    const world = fakeWorld();
    const sessionId = await signedInMerchant(world);
    await withAuthenticator(world, sessionId);
    world.clock.advance({ minutes: 1 });
    await registeredPasskey(world, sessionId, 'iPhone');

    // Act
    const status = await accountStatus({ loginId: MERCHANT.loginId }, { operator: 'ops-tanaka' }, world);

    // Assess
    expect(status.secondFactors).toEqual({
      authenticator: { state: 'set up', addedAt: '2025-04-01T09:00:00.000Z' },
      passkeys: { count: 1, lastAddedAt: '2025-04-01T09:01:00.000Z' },
      recoveryCodes: { left: 10, issuedAt: '2025-04-01T09:00:00.000Z' },
    });
    const secrets = [
      (await world.codeFactors.authenticatorOf(MERCHANT.loginId))!.sealedSecret,
      ...(await world.codeFactors.recoveryCodesOf(MERCHANT.loginId))!.codeHashes,
      ...(await world.passkeys.passkeysOf(MERCHANT.loginId)).flatMap((p) => [p.publicKey, p.credentialId]),
    ];
    for (const secret of secrets) expect(stringsIn(status).join('\n')).not.toContain(secret);
  });

  it('none for a registered merchant without any', async () => {
    const world = fakeWorld();
    seedRegisteredAccount(world);
    const status = await accountStatus({ loginId: MERCHANT.loginId }, { operator: 'ops-tanaka' }, world);
    expect(status.secondFactors).toEqual({ passkeys: { count: 0 } });
  });
});
