import { generate } from 'otplib';
import {
  CodeWrongError,
  CurrentPasswordWrongError,
  InvalidCredentialsError,
  LastFactorError,
  ProofRequiredError,
  SecondFactorSetupRequiredError,
  SecondStepExpiredError,
} from '../../../../../lambdas/domain/errors';
import { completeSecondFactor } from '../../../../../lambdas/domain/use-cases/merchant/complete-second-factor';
import { confirmAuthenticator } from '../../../../../lambdas/domain/use-cases/merchant/confirm-authenticator';
import { listFactors } from '../../../../../lambdas/domain/use-cases/merchant/list-factors';
import { logIn } from '../../../../../lambdas/domain/use-cases/merchant/log-in';
import { proveAgain } from '../../../../../lambdas/domain/use-cases/merchant/prove-again';
import { regenerateRecoveryCodes } from '../../../../../lambdas/domain/use-cases/merchant/regenerate-recovery-codes';
import { removeAuthenticator } from '../../../../../lambdas/domain/use-cases/merchant/remove-authenticator';
import { setUpAuthenticator } from '../../../../../lambdas/domain/use-cases/merchant/set-up-authenticator';
import { showHome } from '../../../../../lambdas/domain/use-cases/merchant/show-home';
import { CLIENT, failureOf, fakeWorld, MERCHANT, PASSWORDS, seedRegisteredAccount, stringsIn, type FakeWorld } from '../../../fakes/world';
import { CREDENTIALS, passwordStep, signedInMerchant } from './passkey-support';

/** The code the merchant's app shows `steps` periods from the world's now. */
const codeAt = (world: FakeWorld, secret: string, steps = 0) =>
  generate({ secret, epoch: Math.floor(world.clock.now().getTime() / 1000) + steps * 30 });

/** Signs in, sets up the app and confirms it: the secret as the app holds it, and the codes shown once. */
async function enrol(world: FakeWorld) {
  const outcome = await logIn(CREDENTIALS, CLIENT, world);
  if (!('sessionId' in outcome)) throw new Error('expected a session');
  const { sessionId } = outcome;
  const { uri } = await setUpAuthenticator(sessionId, world);
  const secret = new URL(uri).searchParams.get('secret')!;
  const { recoveryCodes } = await confirmAuthenticator(sessionId, await codeAt(world, secret), world);
  // The app's first code is taken; the tests sign in a period later.
  world.clock.advance({ seconds: 30 });
  return { sessionId, secret, recoveryCodes: recoveryCodes! };
}

describe('the second sign-in step (認証アプリ, リカバリーコード)', () => {
  let world: FakeWorld;

  beforeEach(() => {
    world = fakeWorld();
    seedRegisteredAccount(world);
  });

  it('after the password opens no session but a 5-minute step offering the app and recovery codes', async () => {
    // Prepare
    await enrol(world);
    const before = world.sessions.all().length;

    // Act
    const outcome = await logIn(CREDENTIALS, CLIENT, world);

    // Assess
    expect(outcome).toEqual({ next: 'second-factor', stepId: expect.any(String), methods: ['authenticator', 'recovery-code'] });
    expect(world.sessions.all()).toHaveLength(before);
    expect(world.steps.all()).toEqual([
      expect.objectContaining({ purpose: 'second-factor', loginId: MERCHANT.loginId, expiresAt: '2025-04-01T09:05:30.000Z' }),
    ]);
  });

  it('signs in with the code of now, the step before or after, and refuses two steps away', async () => {
    const { secret } = await enrol(world);
    for (const steps of [-2, 2]) {
      const stepId = await passwordStep(world);
      expect(await failureOf(completeSecondFactor(stepId, { code: await codeAt(world, secret, steps) }, CLIENT, world))).toBeInstanceOf(
        CodeWrongError,
      );
    }
    for (const steps of [-1, 0, 1]) {
      world.clock.advance({ seconds: 90 });
      const stepId = await passwordStep(world);
      const { sessionId } = await completeSecondFactor(stepId, { code: await codeAt(world, secret, steps) }, CLIENT, world);
      expect(await showHome(sessionId, world)).toEqual(expect.objectContaining({ loginId: MERCHANT.loginId }));
    }
    expect(world.audit.events.filter((e) => e.event === 'login' && e.outcome === 'success').at(-1)).toEqual(
      expect.objectContaining({ method: 'password+totp' }),
    );
  });

  it('never takes a code twice, nor an earlier one after a later one', async () => {
    const { secret } = await enrol(world);
    const code = await codeAt(world, secret);
    await completeSecondFactor(await passwordStep(world), { code }, CLIENT, world);

    expect(await failureOf(completeSecondFactor(await passwordStep(world), { code }, CLIENT, world))).toBeInstanceOf(CodeWrongError);

    await completeSecondFactor(await passwordStep(world), { code: await codeAt(world, secret, 1) }, CLIENT, world);
    const earlier = await failureOf(completeSecondFactor(await passwordStep(world), { code }, CLIENT, world));
    expect(earlier).toBeInstanceOf(CodeWrongError);
  });

  it('counts wrong codes with the password: the fifth locks, ends the step, and answers as a locked login', async () => {
    await enrol(world);
    const stepId = await passwordStep(world);
    for (let i = 0; i < 4; i++) {
      expect(await failureOf(completeSecondFactor(stepId, { code: '000000' }, CLIENT, world))).toBeInstanceOf(CodeWrongError);
    }

    const fifth = await failureOf(completeSecondFactor(stepId, { code: '000000' }, CLIENT, world));
    const lockedLogin = await failureOf(logIn(CREDENTIALS, CLIENT, world));

    expect(fifth).toBeInstanceOf(InvalidCredentialsError);
    expect(lockedLogin).toBeInstanceOf(InvalidCredentialsError);
    expect((fifth as Error).message).toBe((lockedLogin as Error).message);
    expect(world.steps.all()).toEqual([]);
    expect(world.audit.events.filter((e) => e.event === 'lockout')).toHaveLength(1);
  });

  it('a right password between wrong codes does not start the count afresh', async () => {
    await enrol(world);
    for (let i = 0; i < 4; i++) await failureOf(completeSecondFactor(await passwordStep(world), { code: '000000' }, CLIENT, world));
    const stepId = await passwordStep(world);
    expect(await failureOf(completeSecondFactor(stepId, { code: '000000' }, CLIENT, world))).toBeInstanceOf(InvalidCredentialsError);
  });

  it('expires at 5 minutes and is taken by its one success', async () => {
    const { secret } = await enrol(world);
    const late = await passwordStep(world);
    world.clock.advance({ minutes: 5 });
    expect(await failureOf(completeSecondFactor(late, { code: await codeAt(world, secret) }, CLIENT, world))).toBeInstanceOf(
      SecondStepExpiredError,
    );

    const stepId = await passwordStep(world);
    world.clock.advance({ minutes: 4, seconds: 59 });
    await completeSecondFactor(stepId, { code: await codeAt(world, secret) }, CLIENT, world);
    const again = await failureOf(completeSecondFactor(stepId, { code: await codeAt(world, secret, 1) }, CLIENT, world));
    expect(again).toBeInstanceOf(SecondStepExpiredError);
    expect((again as Error).message).toBe('確認の有効期限が切れました。お手数ですが、もう一度ログインしてください。');
    expect(await failureOf(completeSecondFactor(undefined, { code: '123456' }, CLIENT, world))).toBeInstanceOf(SecondStepExpiredError);
  });

  it('a recovery code works once: of 10 parallel uses exactly one passes; a notice says how many remain', async () => {
    const { recoveryCodes } = await enrol(world);
    expect(recoveryCodes).toHaveLength(10);
    expect(new Set(recoveryCodes).size).toBe(10);
    for (const code of recoveryCodes) expect(code).toMatch(/^[2-9a-hjkmnp-z]{4}-[2-9a-hjkmnp-z]{4}$/);
    const steps = await Promise.all(Array.from({ length: 10 }, () => passwordStep(world)));

    const outcomes = await Promise.allSettled(
      steps.map((stepId) => completeSecondFactor(stepId, { recoveryCode: recoveryCodes[0] }, CLIENT, world)),
    );

    const passed = outcomes.filter((o) => o.status === 'fulfilled');
    expect(passed).toHaveLength(1);
    expect((passed[0] as PromiseFulfilledResult<{ recoveryCodesLeft?: number }>).value.recoveryCodesLeft).toBe(9);
    expect(world.mailer.sent.at(-1)?.text).toContain('残りのリカバリーコード : 9個');
    expect(stringsIn(world.audit.events).join(' ')).not.toContain(recoveryCodes[0]);
  });

  it('takes a recovery code typed in capitals without the hyphen', async () => {
    const { recoveryCodes } = await enrol(world);
    const typed = recoveryCodes[3].replace('-', '').toUpperCase();
    await expect(completeSecondFactor(await passwordStep(world), { recoveryCode: typed }, CLIENT, world)).resolves.toEqual(
      expect.objectContaining({ recoveryCodesLeft: 9 }),
    );
  });

  it('takes a recovery code typed in full width (IME), its hyphen too', async () => {
    const { recoveryCodes } = await enrol(world);
    const typed = [...recoveryCodes[4]].map((c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0)).join('');
    expect(typed).toMatch(/^[\uff01-\uff5e]{4}－[\uff01-\uff5e]{4}$/);
    await expect(completeSecondFactor(await passwordStep(world), { recoveryCode: typed }, CLIENT, world)).resolves.toEqual(
      expect.objectContaining({ recoveryCodesLeft: 9 }),
    );
  });

  it('regenerating voids the old codes', async () => {
    const { sessionId, recoveryCodes } = await enrol(world);
    const fresh = await regenerateRecoveryCodes(sessionId, world);
    const old = await failureOf(completeSecondFactor(await passwordStep(world), { recoveryCode: recoveryCodes[1] }, CLIENT, world));
    expect(old).toBeInstanceOf(CodeWrongError);
    await expect(completeSecondFactor(await passwordStep(world), { recoveryCode: fresh[1] }, CLIENT, world)).resolves.toBeDefined();
  });

  it('stores the secret sealed and the codes hashed: nothing the merchant is shown is kept in plain', async () => {
    const { secret, recoveryCodes } = await enrol(world);
    const stored = stringsIn(await world.factors.listOf(MERCHANT.loginId)).join(' ');
    expect(stored).not.toContain(secret);
    for (const code of recoveryCodes) expect(stored).not.toContain(code);
    expect(stringsIn(world.audit.events).join(' ')).not.toContain(secret);
  });

  it('with the policy off, the password alone signs in', async () => {
    await enrol(world);
    world.mfaPolicy = 'off';
    await expect(logIn(CREDENTIALS, CLIENT, world)).resolves.toEqual({
      next: 'signed-in',
      sessionId: expect.any(String),
      deviceId: expect.any(String),
    });
  });
});

describe('fresh proof and re-proof (本人確認)', () => {
  let world: FakeWorld;
  let sessionId: string;

  beforeEach(async () => {
    world = fakeWorld();
    sessionId = await signedInMerchant(world);
  });

  it('a session proved 6 minutes ago must show the password again; then it may set up the app', async () => {
    world.clock.advance({ minutes: 6 });
    expect(await failureOf(setUpAuthenticator(sessionId, world))).toBeInstanceOf(ProofRequiredError);
    expect(await failureOf(regenerateRecoveryCodes(sessionId, world))).toBeInstanceOf(ProofRequiredError);

    expect(await failureOf(proveAgain(sessionId, 'Wrong!Password9', world))).toBeInstanceOf(CurrentPasswordWrongError);
    await proveAgain(sessionId, PASSWORDS.current, world);

    await expect(setUpAuthenticator(sessionId, world)).resolves.toEqual(expect.objectContaining({ accountName: expect.any(String) }));
    expect(world.audit.events.filter((e) => e.event === 'proof').map((e) => e.outcome)).toEqual(['failure', 'success']);
  });

  it('wrong re-proof passwords count towards the login lock', async () => {
    for (let i = 0; i < 5; i++) await failureOf(proveAgain(sessionId, 'Wrong!Password9', world));
    expect(await failureOf(logIn(CREDENTIALS, CLIENT, world))).toBeInstanceOf(InvalidCredentialsError);
    expect(await failureOf(proveAgain(sessionId, PASSWORDS.current, world))).toBeInstanceOf(CurrentPasswordWrongError);
  });
});

describe('the required policy', () => {
  let world: FakeWorld;

  beforeEach(() => {
    world = fakeWorld();
    world.mfaPolicy = 'required';
    seedRegisteredAccount(world);
  });

  it('a merchant without a factor gets a session that reaches only the set-up until the app is confirmed', async () => {
    const outcome = await logIn(CREDENTIALS, CLIENT, world);
    if (outcome.next !== 'setup-second-factor') throw new Error(`got ${outcome.next}`);
    const { sessionId } = outcome;

    expect(await showHome(sessionId, world)).toEqual(expect.objectContaining({ setupRequired: true }));
    expect(await failureOf(removeAuthenticator(sessionId, world))).toBeInstanceOf(SecondFactorSetupRequiredError);
    expect(await failureOf(regenerateRecoveryCodes(sessionId, world))).toBeInstanceOf(SecondFactorSetupRequiredError);

    const { uri } = await setUpAuthenticator(sessionId, world);
    const secret = new URL(uri).searchParams.get('secret')!;
    await confirmAuthenticator(sessionId, await codeAt(world, secret), world);

    expect(await showHome(sessionId, world)).toEqual(expect.objectContaining({ setupRequired: false }));
    await expect(regenerateRecoveryCodes(sessionId, world)).resolves.toHaveLength(10);
  });

  it('refuses to remove the last factor, and allows it under optional', async () => {
    const { sessionId } = await enrol(world);
    const refused = await failureOf(removeAuthenticator(sessionId, world));
    expect(refused).toBeInstanceOf(LastFactorError);
    expect((refused as Error).message).toContain('最後の認証方法は削除できません');
    expect(world.audit.events.at(-1)).toEqual(
      expect.objectContaining({ event: 'mfa.authenticator.removed', outcome: 'failure', reason: 'last factor while required' }),
    );

    world.mfaPolicy = 'optional';
    await removeAuthenticator(sessionId, world);
    expect(await world.factors.listOf(MERCHANT.loginId)).toEqual([]);
    expect(await listFactors(sessionId, world)).toEqual({ policy: 'optional', authenticator: null, recoveryCodes: null, passkeys: 0 });
    await expect(logIn(CREDENTIALS, CLIENT, world)).resolves.toEqual({
      next: 'signed-in',
      sessionId: expect.any(String),
      deviceId: expect.any(String),
    });
  });

  it('counts a passkey as a factor: the app can go while a passkey stays', async () => {
    const { sessionId } = await enrol(world);
    world.factors.seed('passkey#cred-1', { loginId: MERCHANT.loginId, kind: 'passkey', addedAt: world.clock.iso() });
    await removeAuthenticator(sessionId, world);
    expect((await logIn(CREDENTIALS, CLIENT, world)).next).toBe('second-factor');
  });
});
