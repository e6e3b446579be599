import { SessionRequiredError } from '../../../../../lambdas/domain/errors';
import { hashSessionId } from '../../../../../lambdas/domain/session-id';
import { extendSession, showSessionTime } from '../../../../../lambdas/domain/use-cases/merchant/session-time';
import { signedInSession } from '../../../fakes/signed-in-session';
import { failureOf, fakeWorld, MERCHANT, PASSWORDS, seedRegisteredAccount, type FakeWorld } from '../../../fakes/world';

describe('the idle time a signed-in page sees', () => {
  let world: FakeWorld;
  let sessionId: string;

  beforeEach(async () => {
    world = fakeWorld();
    seedRegisteredAccount(world);
    sessionId = await signedInSession({ loginId: MERCHANT.email, password: PASSWORDS.current }, world);
  });

  describe('showSessionTime', () => {
    it('answers the idle limit and the seconds left until the server ends the session', async () => {
      // Prepare
      world.clock.advance({ minutes: 10, seconds: 30 });

      // Act
      const time = await showSessionTime(sessionId, world);

      // Assess
      expect(time).toEqual({ signedIn: true, idleMinutes: 30, secondsLeft: 19 * 60 + 30, endsBy: 'idle' });
    });

    it('does not count as a use: looking again later finds less time, and at the end the browser is signed out', async () => {
      // Prepare
      world.clock.advance({ minutes: 20 });
      await showSessionTime(sessionId, world);
      world.clock.advance({ minutes: 9 });

      // Act
      const later = await showSessionTime(sessionId, world);
      world.clock.advance({ minutes: 1 });
      const atTheEnd = await showSessionTime(sessionId, world);

      // Assess
      expect(later).toMatchObject({ signedIn: true, secondsLeft: 60 });
      expect(atTheEnd).toEqual({ signedIn: false });
      expect(world.audit.last()).toMatchObject({ event: 'session.expired', reason: 'idle' });
    });

    it('counts from the last use of any signed-in call', async () => {
      // Prepare
      world.clock.advance({ minutes: 20 });
      await extendSession(sessionId, world);
      world.clock.advance({ minutes: 5 });

      // Act
      const time = await showSessionTime(sessionId, world);

      // Assess
      expect(time).toMatchObject({ signedIn: true, secondsLeft: 25 * 60 });
    });

    it('says when the absolute end comes first, which no extension can move', async () => {
      // Prepare: used every 20 minutes until 10 minutes before the 12 hours
      for (let minutes = 20; minutes <= 12 * 60 - 10; minutes += 20) {
        world.clock.advance({ minutes: 20 });
        await extendSession(sessionId, world);
      }

      // Act
      const time = await extendSession(sessionId, world);

      // Assess
      expect(time).toEqual({ idleMinutes: 30, secondsLeft: 20 * 60, endsBy: 'absolute' });
    });

    it('answers signed out, not an error, without a session or with an unknown one', async () => {
      await expect(showSessionTime(undefined, world)).resolves.toEqual({ signedIn: false });
      await expect(showSessionTime('not-a-session', world)).resolves.toEqual({ signedIn: false });
    });
  });

  describe('extendSession (ログインを続ける)', () => {
    it('starts the idle time again now, within the minute a use would not write', async () => {
      // Prepare
      world.clock.advance({ minutes: 28, seconds: 30 });

      // Act
      const time = await extendSession(sessionId, world);

      // Assess
      expect(time).toEqual({ idleMinutes: 30, secondsLeft: 30 * 60, endsBy: 'idle' });
      expect(world.sessions.peek(hashSessionId(sessionId))?.lastSeenAt).toBe('2025-04-01T09:28:30.000Z');
    });

    it('keeps the session past the end it had', async () => {
      // Prepare
      world.clock.advance({ minutes: 29 });
      await extendSession(sessionId, world);
      world.clock.advance({ minutes: 29 });

      // Act
      const time = await showSessionTime(sessionId, world);

      // Assess
      expect(time).toMatchObject({ signedIn: true, secondsLeft: 60 });
    });

    it('cannot bring back a session past its end', async () => {
      // Prepare
      world.clock.advance({ minutes: 30 });

      // Act
      const error = await failureOf(extendSession(sessionId, world));

      // Assess
      expect(error).toBeInstanceOf(SessionRequiredError);
      expect(world.sessions.all()).toEqual([]);
    });

    it('ends the session of a disabled account', async () => {
      // Prepare
      await world.accounts.setDisabled(MERCHANT.loginId, { at: world.clock.iso(), reason: 'fraud suspected', by: 'ops' });

      // Act
      const error = await failureOf(extendSession(sessionId, world));

      // Assess
      expect(error).toBeInstanceOf(SessionRequiredError);
      expect(world.sessions.peek(hashSessionId(sessionId))).toBeUndefined();
    });
  });
});
