import { SessionRequiredError } from '../../../../../lambdas/domain/errors';
import { hashSessionId } from '../../../../../lambdas/domain/session-id';
import { signedInSession } from '../../../fakes/signed-in-session';
import { signedInAccount } from '../../../../../lambdas/domain/use-cases/shared/signed-in-account';
import { failureOf, fakeWorld, MERCHANT, PASSWORDS, seedRegisteredAccount, type FakeWorld } from '../../../fakes/world';

const DISABLED = { at: '2025-04-01T09:00:00.000Z', reason: 'fraud suspected', by: 'ops-tanaka' };

describe('signedInAccount', () => {
  let world: FakeWorld;
  let sessionId: string;

  beforeEach(async () => {
    world = fakeWorld();
    seedRegisteredAccount(world);
    sessionId = await signedInSession({ loginId: MERCHANT.email, password: PASSWORDS.current }, world);
  });

  it('answers the session and its active account', async () => {
    // Act
    const { session, account } = await signedInAccount(sessionId, world);

    // Assess
    expect(session).toMatchObject({ sessionIdHash: hashSessionId(sessionId), loginId: MERCHANT.loginId });
    expect(account).toMatchObject({ loginId: MERCHANT.loginId, email: MERCHANT.email, status: 'registered' });
  });

  it('ends the session of a disabled account and asks for a login', async () => {
    // Prepare
    await world.accounts.setDisabled(MERCHANT.loginId, DISABLED);

    // Act
    const error = await failureOf(signedInAccount(sessionId, world));

    // Assess
    expect(error).toBeInstanceOf(SessionRequiredError);
    expect(world.sessions.peek(hashSessionId(sessionId))).toBeUndefined();
    expect(world.audit.last()).toEqual({
      event: 'session.ended',
      outcome: 'success',
      loginId: MERCHANT.loginId,
      reason: 'account disabled',
    });
  });

  it('stays refused after the account is enabled again: the ended session does not come back', async () => {
    // Prepare
    await world.accounts.setDisabled(MERCHANT.loginId, DISABLED);
    await failureOf(signedInAccount(sessionId, world));
    await world.accounts.enable(MERCHANT.loginId, world.clock.iso());

    // Act
    const error = await failureOf(signedInAccount(sessionId, world));

    // Assess
    expect(error).toBeInstanceOf(SessionRequiredError);
  });

  it('ends the session of an account that is gone or no longer registered', async () => {
    // Prepare
    world.accounts.seed({ ...world.accounts.peek(MERCHANT.loginId)!, status: 'invited' });

    // Act
    const error = await failureOf(signedInAccount(sessionId, world));

    // Assess
    expect(error).toBeInstanceOf(SessionRequiredError);
    expect(world.sessions.peek(hashSessionId(sessionId))).toBeUndefined();
    expect(world.audit.last()).toMatchObject({ event: 'session.ended', reason: 'account inactive' });
  });

  it('asks for a login without a session, or with one it does not know', async () => {
    // Act
    const missing = await failureOf(signedInAccount(undefined, world));
    const unknown = await failureOf(signedInAccount('x'.repeat(43), world));

    // Assess
    expect((missing as SessionRequiredError).reason).toBe('missing');
    expect((unknown as SessionRequiredError).reason).toBe('unknown');
  });
});
