import { hashSessionId } from '../../../../../lambdas/domain/session-id';
import { signedInSession } from '../../../fakes/signed-in-session';
import { logOut } from '../../../../../lambdas/domain/use-cases/merchant/log-out';
import { fakeWorld, type FakeWorld } from '../../../fakes/world';

const LOGIN_ID = 'M20250401';
const EMAIL = 'hanako@example.com';
const PASSWORD = 'Vt4!rW9q]Zm2';

describe('logOut (ログアウト)', () => {
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

  it('deletes the session record and records a logout without the session id', async () => {
    // Act
    await logOut(sessionId, world);

    // Assess
    expect(world.sessions.peek(hashSessionId(sessionId))).toBeUndefined();
    expect(world.audit.last()).toEqual({ event: 'logout', outcome: 'success', loginId: LOGIN_ID });
    expect(JSON.stringify(world.audit.events)).not.toContain(sessionId);
  });

  it('leaves other sessions of the same merchant alone', async () => {
    // Prepare
    const otherDevice = await signedInSession({ loginId: EMAIL, password: PASSWORD }, world);

    // Act
    await logOut(sessionId, world);

    // Assess
    expect(world.sessions.peek(hashSessionId(otherDevice))).toBeDefined();
  });

  it('does nothing without a cookie', async () => {
    // Prepare
    const eventsBefore = world.audit.events.length;

    // Act
    await logOut(undefined, world);

    // Assess
    expect(world.sessions.all()).toHaveLength(1);
    expect(world.audit.events).toHaveLength(eventsBefore);
  });

  it('succeeds for a session that is already gone', async () => {
    // Prepare
    await logOut(sessionId, world);

    // Act
    const again = logOut(sessionId, world);

    // Assess
    await expect(again).resolves.toBeUndefined();
    expect(world.audit.last()).toEqual({ event: 'logout', outcome: 'success', loginId: undefined });
  });
});
