import { InvalidCredentialsError } from '../../../../../lambdas/domain/errors';
import { hashSessionId } from '../../../../../lambdas/domain/session-id';
import { logIn } from '../../../../../lambdas/domain/use-cases/merchant/log-in';
import { signedInSession } from '../../../fakes/signed-in-session';
import { CLIENT, fakeWorld, type FakeWorld } from '../../../fakes/world';

const LOGIN_ID = 'M20250401';
const EMAIL = 'hanako@example.com';
const PASSWORD = 'Vt4!rW9q]Zm2';

function seedRegistered(
  world: FakeWorld,
  overrides: { loginId?: string; email?: string; status?: 'registered' | 'invited' | 'disabled' } = {},
) {
  const disabled = overrides.status === 'disabled' ? { at: '2025-03-03T00:00:00.000Z', reason: 'test', by: 'ops' } : undefined;
  const loginId = overrides.loginId ?? LOGIN_ID;
  const email = overrides.email ?? EMAIL;
  world.accounts.seed({
    loginId,
    status: overrides.status === 'invited' ? 'invited' : 'registered',
    disabled,
    email,
    passwordHistory: ['scrypt$32768$8$3$c2FsdA$a2V5'],
    createdAt: '2025-03-01T00:00:00.000Z',
    registeredAt: '2025-03-02T00:00:00.000Z',
  });
  world.identity.seed({ email, loginId, password: PASSWORD });
}

describe('logIn (ログイン)', () => {
  let world: FakeWorld;

  beforeEach(() => {
    world = fakeWorld();
    seedRegistered(world);
  });

  it('opens a session, proved at sign-in, stored only by the hash of the id it returns, with where it was opened', async () => {
    // Act
    const sessionId = await signedInSession({ loginId: EMAIL, password: PASSWORD }, world);

    // Assess
    expect(sessionId).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(world.sessions.all()).toEqual([
      {
        sessionIdHash: hashSessionId(sessionId),
        sessionKey: expect.stringMatching(/^[A-Za-z0-9_-]{22}$/),
        loginId: LOGIN_ID,
        email: EMAIL,
        createdAt: '2025-04-01T09:00:00.000Z',
        lastSeenAt: '2025-04-01T09:00:00.000Z',
        provedAt: '2025-04-01T09:00:00.000Z',
        expiresAt: '2025-04-01T21:00:00.000Z',
        userAgent: CLIENT.userAgent,
        sourceIp: CLIENT.ip,
      },
    ]);
    expect(JSON.stringify(world.sessions.all())).not.toContain(sessionId);
  });

  it.each([
    ['case and surrounding spaces', '  Hanako@Example.COM '],
    ['full width (IME) and full-width spaces', '\u3000ＨＡＮＡＫＯ＠ｅｘａｍｐｌｅ．ｃｏｍ\u3000'],
  ])('takes the email whatever its %s', async (_label, typed) => {
    // Act
    const sessionId = await signedInSession({ loginId: typed, password: PASSWORD }, world);

    // Assess
    expect(world.sessions.peek(hashSessionId(sessionId))?.email).toBe(EMAIL);
  });

  it('gives a new session id at every login and keeps this and the previous login time', async () => {
    // Prepare
    const first = await signedInSession({ loginId: EMAIL, password: PASSWORD }, world);
    world.clock.advance({ hours: 3 });

    // Act
    const second = await signedInSession({ loginId: EMAIL, password: PASSWORD }, world);

    // Assess
    expect(second).not.toBe(first);
    expect(world.accounts.peek(LOGIN_ID)).toMatchObject({
      lastLoginAt: '2025-04-01T12:00:00.000Z',
      previousLoginAt: '2025-04-01T09:00:00.000Z',
    });
  });

  it('records only the login time at the first login', async () => {
    // Act
    await logIn({ loginId: EMAIL, password: PASSWORD }, CLIENT, world);

    // Assess
    const account = world.accounts.peek(LOGIN_ID);
    expect(account?.lastLoginAt).toBe('2025-04-01T09:00:00.000Z');
    expect(account).not.toHaveProperty('previousLoginAt');
  });

  describe('refusals: one answer for every kind of wrong', () => {
    it.each([
      ['a wrong password', () => ({ loginId: EMAIL, password: 'Vt4!rW9q]Zm3' })],
      ['an unknown email', () => ({ loginId: 'nobody@example.com', password: PASSWORD })],
    ])('refuses %s', async (_label, credentials) => {
      // Act
      const attempt = logIn(credentials(), CLIENT, world);

      // Assess
      await expect(attempt).rejects.toBeInstanceOf(InvalidCredentialsError);
      await expect(attempt).rejects.toThrow('ログインIDまたはパスワードが正しくありません。');
      expect(world.sessions.all()).toEqual([]);
    });

    it('refuses a directory user whose account is not registered', async () => {
      // Prepare: the directory has the user, the account never finished registering.
      world = fakeWorld();
      seedRegistered(world, { status: 'invited' });

      // Act
      const attempt = logIn({ loginId: EMAIL, password: PASSWORD }, CLIENT, world);

      // Assess
      await expect(attempt).rejects.toBeInstanceOf(InvalidCredentialsError);
      expect(world.sessions.all()).toEqual([]);
      expect(world.audit.last()).toMatchObject({ event: 'login', outcome: 'failure', reason: 'account invited' });
    });

    it('refuses an email the account is no longer registered with', async () => {
      // Prepare: the directory still knows the old email; the account moved to another.
      world.identity.seed({ email: 'old@example.com', loginId: LOGIN_ID, password: PASSWORD });

      // Act
      const attempt = logIn({ loginId: 'old@example.com', password: PASSWORD }, CLIENT, world);

      // Assess
      await expect(attempt).rejects.toBeInstanceOf(InvalidCredentialsError);
      expect(world.sessions.all()).toEqual([]);
    });

    it('refuses a directory user whose account is gone', async () => {
      // Prepare
      world.identity.seed({ email: 'ghost@example.com', loginId: 'M00000000', password: PASSWORD });

      // Act
      const attempt = logIn({ loginId: 'ghost@example.com', password: PASSWORD }, CLIENT, world);

      // Assess
      await expect(attempt).rejects.toBeInstanceOf(InvalidCredentialsError);
    });
  });

  it('records success and failure as audit events with no password or session id', async () => {
    // Prepare
    await logIn({ loginId: EMAIL, password: 'Wrong!Password9' }, CLIENT, world).catch(() => undefined);

    await logIn({ loginId: 'nobody@example.com', password: PASSWORD }, CLIENT, world).catch(() => undefined);

    // Act
    const sessionId = await signedInSession({ loginId: EMAIL, password: PASSWORD }, world);

    // Assess: a failure names the account the email belongs to, when there is one.
    expect(world.audit.events).toEqual([
      { event: 'login', outcome: 'failure', loginId: LOGIN_ID, email: EMAIL, reason: 'wrong email or password' },
      { event: 'login', outcome: 'failure', loginId: undefined, email: 'nobody@example.com', reason: 'wrong email or password' },
      { event: 'login', outcome: 'success', loginId: LOGIN_ID, email: EMAIL, method: 'password' },
    ]);
    const logged = JSON.stringify(world.audit.events);
    for (const secret of [PASSWORD, 'Wrong!Password9', sessionId, hashSessionId(sessionId)]) expect(logged).not.toContain(secret);
  });

  describe('lockout (DESIGN: 5 consecutive failures lock the ID for 15 minutes)', () => {
    it('refuses even the right password after five wrong ones, with the same answer', async () => {
      // Prepare
      for (let i = 0; i < 5; i += 1) await logIn({ loginId: EMAIL, password: `Wrong#Password${i}` }, CLIENT, world).catch(() => undefined);

      // Act
      const attempt = logIn({ loginId: EMAIL, password: PASSWORD }, CLIENT, world);

      // Assess
      await expect(attempt).rejects.toBeInstanceOf(InvalidCredentialsError);
      await expect(attempt).rejects.toThrow('ログインIDまたはパスワードが正しくありません。');
      expect(world.sessions.all()).toEqual([]);
      expect(world.audit.last()).toMatchObject({ event: 'login', outcome: 'failure', reason: expect.stringMatching(/lock/i) });
    });

    it('locks once for 20 parallel wrong logins: one lockout line, and each gets the one credentials answer', async () => {
      // Act
      const attempts = Array.from({ length: 20 }, (_, i) => logIn({ loginId: EMAIL, password: `Wrong#Password${i}` }, CLIENT, world));
      const errors = await Promise.all(attempts.map((attempt) => attempt.catch((error: unknown) => error)));

      // Assess
      for (const error of errors) {
        expect(error).toBeInstanceOf(InvalidCredentialsError);
        expect(error).toHaveProperty('message', 'ログインIDまたはパスワードが正しくありません。');
      }
      expect(world.audit.named('lockout')).toEqual([
        { event: 'lockout', outcome: 'success', loginId: LOGIN_ID, email: EMAIL, flow: 'login', minutes: 15 },
      ]);
      await expect(logIn({ loginId: EMAIL, password: PASSWORD }, CLIENT, world)).rejects.toBeInstanceOf(InvalidCredentialsError);
    });

    it('lets the merchant in again once the lock is over', async () => {
      // Prepare
      for (let i = 0; i < 5; i += 1) await logIn({ loginId: EMAIL, password: `Wrong#Password${i}` }, CLIENT, world).catch(() => undefined);
      world.clock.advance({ minutes: 15, seconds: 1 });

      // Act
      const sessionId = await signedInSession({ loginId: EMAIL, password: PASSWORD }, world);

      // Assess
      expect(world.sessions.peek(hashSessionId(sessionId))).toBeDefined();
    });
  });
});
