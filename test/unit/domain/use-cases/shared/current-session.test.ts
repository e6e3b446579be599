import { SessionRequiredError } from '../../../../../lambdas/domain/errors';
import { hashSessionId } from '../../../../../lambdas/domain/session-id';
import { currentSession } from '../../../../../lambdas/domain/use-cases/shared/current-session';
import { signedInSession } from '../../../fakes/signed-in-session';
import { logOut } from '../../../../../lambdas/domain/use-cases/merchant/log-out';
import { fakeWorld, type FakeWorld } from '../../../fakes/world';

const LOGIN_ID = 'M20250401';
const EMAIL = 'hanako@example.com';
const PASSWORD = 'Vt4!rW9q]Zm2';

async function refusal(sessionId: string | undefined, world: FakeWorld): Promise<SessionRequiredError> {
  const error = await currentSession(sessionId, world).then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof SessionRequiredError)) throw new Error(`expected SessionRequiredError, got ${String(error)}`);
  return error;
}

describe('currentSession', () => {
  let world: FakeWorld;
  let sessionId: string;

  beforeEach(async () => {
    world = fakeWorld();
    world.accounts.seed({
      loginId: LOGIN_ID,
      status: 'registered',
      email: EMAIL,
      passwordHistory: [],
      createdAt: '2025-03-01T00:00:00.000Z',
    });
    world.identity.seed({ email: EMAIL, loginId: LOGIN_ID, password: PASSWORD });
    sessionId = await signedInSession({ loginId: EMAIL, password: PASSWORD }, world);
  });

  it('answers the session of a fresh login', async () => {
    // Act
    const session = await currentSession(sessionId, world);

    // Assess
    expect(session).toMatchObject({ loginId: LOGIN_ID, email: EMAIL, sessionIdHash: hashSessionId(sessionId) });
  });

  it('asks for a login when there is no cookie', async () => {
    expect((await refusal(undefined, world)).reason).toBe('missing');
  });

  it('asks for a login for an id the server does not know', async () => {
    expect((await refusal('B'.repeat(43), world)).reason).toBe('unknown');
  });

  it('is still valid after 29 minutes 59 seconds of idleness', async () => {
    // Prepare
    world.clock.advance({ minutes: 29, seconds: 59 });

    // Act
    const session = await currentSession(sessionId, world);

    // Assess
    expect(session.loginId).toBe(LOGIN_ID);
  });

  it('ends after 30 idle minutes, forgets the session and records why', async () => {
    // Prepare
    world.clock.advance({ minutes: 30 });

    // Act
    const error = await refusal(sessionId, world);

    // Assess
    expect(error.reason).toBe('expired');
    expect(error.message).toBe('ログインしてください。');
    expect(world.sessions.all()).toEqual([]);
    expect(world.audit.last()).toEqual({ event: 'session.expired', outcome: 'success', loginId: LOGIN_ID, reason: 'idle' });
  });

  it('stays alive while used: each use restarts the idle time', async () => {
    // Prepare
    world.clock.advance({ minutes: 20 });
    await currentSession(sessionId, world);
    world.clock.advance({ minutes: 20 });

    // Act
    const session = await currentSession(sessionId, world);

    // Assess
    expect(session.loginId).toBe(LOGIN_ID);
  });

  it('ends at the absolute end (12 hours) however active the merchant is', async () => {
    // Prepare: a use every 20 minutes until just before the end.
    for (let minutes = 20; minutes < 12 * 60; minutes += 20) {
      world.clock.advance({ minutes: 20 });
      await currentSession(sessionId, world);
    }
    world.clock.advance({ minutes: 20 });

    // Act
    const error = await refusal(sessionId, world);

    // Assess
    expect(error.reason).toBe('expired');
    expect(world.audit.last()).toMatchObject({ event: 'session.expired', reason: 'absolute' });
  });

  it('writes the last-seen time only once a minute has passed', async () => {
    // Prepare
    world.clock.advance({ seconds: 59 });
    await currentSession(sessionId, world);
    const touchesWithinTheMinute = world.sessions.touches.length;
    world.clock.advance({ seconds: 1 });

    // Act
    await currentSession(sessionId, world);

    // Assess
    expect(touchesWithinTheMinute).toBe(0);
    expect(world.sessions.touches).toEqual([{ sessionIdHash: hashSessionId(sessionId), at: '2025-04-01T09:01:00.000Z' }]);
    expect(world.sessions.peek(hashSessionId(sessionId))?.lastSeenAt).toBe('2025-04-01T09:01:00.000Z');
  });

  it('a short idle limit is moved at a tenth of itself, so its sessions live while used', async () => {
    // Prepare: a 1-minute limit, used every 40 seconds
    const short = { ...world, sessionIdleMinutes: 1 };
    world.clock.advance({ seconds: 40 });
    await currentSession(sessionId, short);
    world.clock.advance({ seconds: 40 });

    // Act
    const session = await currentSession(sessionId, short);

    // Assess
    expect(session.lastSeenAt).toBe('2025-04-01T09:01:20.000Z');
    expect(world.sessions.touches).toHaveLength(2);
  });

  it('an extension moves the last-seen time at once, and returns the session as it now stands', async () => {
    // Prepare
    world.clock.advance({ seconds: 10 });

    // Act
    const session = await currentSession(sessionId, world, 'extend');

    // Assess
    expect(session.lastSeenAt).toBe('2025-04-01T09:00:10.000Z');
    expect(world.sessions.peek(hashSessionId(sessionId))?.lastSeenAt).toBe('2025-04-01T09:00:10.000Z');
  });

  it('a look does not move the last-seen time, however long ago it was', async () => {
    // Prepare
    world.clock.advance({ minutes: 29 });

    // Act
    await currentSession(sessionId, world, 'look');
    world.clock.advance({ minutes: 1 });
    const error = await refusal(sessionId, world);

    // Assess
    expect(world.sessions.touches).toEqual([]);
    expect(error.reason).toBe('expired');
  });

  it('a look still ends a session past its end', async () => {
    // Prepare
    world.clock.advance({ minutes: 30 });

    // Act
    const error = await currentSession(sessionId, world, 'look').catch((e: unknown) => e);

    // Assess
    expect(error).toBeInstanceOf(SessionRequiredError);
    expect(world.sessions.all()).toEqual([]);
  });

  it('asks for a login once the session record is deleted, whatever the browser keeps', async () => {
    // Prepare
    await logOut(sessionId, world);

    // Act
    const error = await refusal(sessionId, world);

    // Assess
    expect(error.reason).toBe('unknown');
  });
});
