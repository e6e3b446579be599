import { PasskeyFailedError } from '../../../../../lambdas/domain/errors';
import { hashSessionId } from '../../../../../lambdas/domain/session-id';
import { finishPasskeySecondStep, startPasskeySecondStep } from '../../../../../lambdas/domain/use-cases/merchant/passkey-second-step';
import { proveWithPasskey } from '../../../../../lambdas/domain/use-cases/merchant/prove-with-passkey';
import { startPasskeyProof } from '../../../../../lambdas/domain/use-cases/merchant/start-passkey-proof';
import type { NodeAuthenticator } from '../../../../support/node-authenticator';
import { CLIENT, failureOf, fakeWorld, MERCHANT, type FakeWorld } from '../../../fakes/world';
import { asResponse, registeredPasskey, signedInMerchant } from './passkey-support';

const OTHER = { loginId: 'M20250402', email: 'taro@example.com' };

describe('passkey proof and passkey second step', () => {
  let world: FakeWorld;
  let sessionId: string;
  let mine: NodeAuthenticator;
  let theirs: NodeAuthenticator;

  beforeEach(async () => {
    world = fakeWorld();
    theirs = await registeredPasskey(world, await signedInMerchant(world, OTHER));
    sessionId = await signedInMerchant(world);
    mine = await registeredPasskey(world, sessionId);
    world.clock.advance({ minutes: 10 });
  });

  describe('proveWithPasskey (本人確認)', () => {
    it('allows only the merchant’s passkeys and marks the session proved now', async () => {
      // Act
      const options = await startPasskeyProof(sessionId, world);
      await proveWithPasskey(sessionId, { response: asResponse(mine.get(options as never)) }, world);

      // Assess
      expect(options.allowCredentials).toEqual([expect.objectContaining({ id: mine.credentialId })]);
      expect(world.sessions.peek(hashSessionId(sessionId))?.provedAt).toBe('2025-04-01T09:10:00.000Z');
      expect(world.audit.last()).toMatchObject({ event: 'passkey.proof', outcome: 'success' });
    });

    it('refuses another merchant’s passkey, and a challenge used once', async () => {
      // Prepare
      const options = await startPasskeyProof(sessionId, world);
      const theirAnswer = asResponse(theirs.get(options as never));

      // Act
      const foreign = await failureOf(proveWithPasskey(sessionId, { response: theirAnswer }, world));
      const reused = await failureOf(proveWithPasskey(sessionId, { response: asResponse(mine.get(options as never)) }, world));

      // Assess
      expect(foreign).toBeInstanceOf(PasskeyFailedError);
      expect(reused).toBeInstanceOf(PasskeyFailedError);
      expect(world.sessions.peek(hashSessionId(sessionId))?.provedAt).toBe('2025-04-01T09:00:00.000Z');
    });
  });

  describe('the second sign-in step with a passkey', () => {
    const STEP_ID = 'second-factor-step-id';
    const secondFactorStep = (minutes = 5) =>
      world.steps.put({
        stepIdHash: hashSessionId(STEP_ID),
        purpose: 'second-factor',
        loginId: MERCHANT.loginId,
        createdAt: world.clock.iso(),
        expiresAt: new Date(world.clock.now().getTime() + minutes * 60_000).toISOString(),
      });

    it('signs in with the step’s own merchant’s passkey, once', async () => {
      // Prepare
      await secondFactorStep();
      const options = await startPasskeySecondStep(STEP_ID, world);
      const response = asResponse(mine.get(options as never));

      // Act
      const { sessionId: signedIn } = await finishPasskeySecondStep(STEP_ID, { response }, CLIENT, world);
      const again = await failureOf(finishPasskeySecondStep(STEP_ID, { response }, CLIENT, world));

      // Assess
      expect(options.allowCredentials).toEqual([expect.objectContaining({ id: mine.credentialId })]);
      expect(world.sessions.peek(hashSessionId(signedIn))?.loginId).toBe(MERCHANT.loginId);
      expect(world.audit.named('login').at(-1)).toMatchObject({ method: 'password+passkey' });
      expect(again).toBeInstanceOf(PasskeyFailedError);
    });

    it('refuses another merchant’s passkey and leaves the step', async () => {
      // Prepare
      await secondFactorStep();
      const options = await startPasskeySecondStep(STEP_ID, world);

      // Act
      const error = await failureOf(
        finishPasskeySecondStep(STEP_ID, { response: asResponse(theirs.get(options as never)) }, CLIENT, world),
      );

      // Assess
      expect(error).toBeInstanceOf(PasskeyFailedError);
      expect(world.audit.last()).toMatchObject({ event: 'passkey.second-step', outcome: 'failure', reason: 'passkey of another account' });
      expect(await world.steps.get(hashSessionId(STEP_ID))).toBeDefined();
    });

    it('refuses an expired step, and a step of another purpose', async () => {
      // Prepare
      await secondFactorStep(1);
      world.clock.advance({ minutes: 1 });

      // Act, Assess
      expect(await failureOf(startPasskeySecondStep(STEP_ID, world))).toBeInstanceOf(PasskeyFailedError);
      expect(await failureOf(startPasskeySecondStep('no-such-step', world))).toBeInstanceOf(PasskeyFailedError);
    });
  });
});
