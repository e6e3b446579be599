import { PasskeyFailedError } from '../../../../../lambdas/domain/errors';
import { hashSessionId } from '../../../../../lambdas/domain/session-id';
import { finishPasskeySecondStep, startPasskeySecondStep } from '../../../../../lambdas/domain/use-cases/merchant/passkey-second-step';
import { proveWithPasskey } from '../../../../../lambdas/domain/use-cases/merchant/prove-with-passkey';
import { startPasskeyProof } from '../../../../../lambdas/domain/use-cases/merchant/start-passkey-proof';
import { startPasskeySignIn } from '../../../../../lambdas/domain/use-cases/merchant/start-passkey-sign-in';
import type { NodeAuthenticator } from '../../../../support/node-authenticator';
import { CLIENT, failureOf, MERCHANT, type FakeWorld } from '../../../fakes/world';
import { asResponse, merchantsWithPasskeys, passwordStep } from './passkey-support';

describe('passkey proof and passkey second step', () => {
  let world: FakeWorld;
  let sessionId: string;
  let mine: NodeAuthenticator;
  let theirs: NodeAuthenticator;

  beforeEach(async () => {
    ({ world, sessionId, mine, theirs } = await merchantsWithPasskeys());
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
    it('signs in with the step’s own merchant’s passkey, once', async () => {
      // Prepare
      const stepId = await passwordStep(world);
      const options = await startPasskeySecondStep(stepId, world);
      const response = asResponse(mine.get(options as never));

      // Act
      const { sessionId: signedIn } = await finishPasskeySecondStep(stepId, { response }, CLIENT, world);
      const again = await failureOf(finishPasskeySecondStep(stepId, { response }, CLIENT, world));

      // Assess
      expect(options.allowCredentials).toEqual([expect.objectContaining({ id: mine.credentialId })]);
      expect(world.sessions.peek(hashSessionId(signedIn))?.loginId).toBe(MERCHANT.loginId);
      expect(world.audit.named('login').at(-1)).toMatchObject({ method: 'password+passkey' });
      expect(again).toBeInstanceOf(PasskeyFailedError);
    });

    it('refuses another merchant’s passkey and leaves the step', async () => {
      // Prepare
      const stepId = await passwordStep(world);
      const options = await startPasskeySecondStep(stepId, world);

      // Act
      const error = await failureOf(finishPasskeySecondStep(stepId, { response: asResponse(theirs.get(options as never)) }, CLIENT, world));

      // Assess
      expect(error).toBeInstanceOf(PasskeyFailedError);
      expect(world.audit.last()).toMatchObject({ event: 'passkey.second-step', outcome: 'failure', reason: 'passkey of another account' });
      expect(await world.steps.get(hashSessionId(stepId))).toBeDefined();
    });

    it('refuses an expired step, an unknown one and a step of another purpose', async () => {
      // Prepare
      const { stepId: signInStep } = await startPasskeySignIn(world);
      const stepId = await passwordStep(world);
      world.clock.advance({ minutes: 5 });

      // Act, Assess
      expect(await failureOf(startPasskeySecondStep(stepId, world))).toBeInstanceOf(PasskeyFailedError);
      expect(await failureOf(startPasskeySecondStep('no-such-step', world))).toBeInstanceOf(PasskeyFailedError);
      expect(await failureOf(startPasskeySecondStep(signInStep, world))).toBeInstanceOf(PasskeyFailedError);
    });
  });
});
