import { SessionNotFoundError, SessionRequiredError } from '../../../../../lambdas/domain/errors';
import { hashSessionId } from '../../../../../lambdas/domain/session-id';
import { endOtherSessions } from '../../../../../lambdas/domain/use-cases/merchant/end-other-sessions';
import { endSession } from '../../../../../lambdas/domain/use-cases/merchant/end-session';
import { listSessions } from '../../../../../lambdas/domain/use-cases/merchant/list-sessions';
import { currentSession } from '../../../../../lambdas/domain/use-cases/shared/current-session';
import { signedInSession } from '../../../fakes/signed-in-session';
import { CLIENT, failureOf, fakeWorld, MERCHANT, PASSWORDS, seedRegisteredAccount, type FakeWorld } from '../../../fakes/world';

const PHONE = {
  ip: '2001:db8:85a3:8d3:1319:8a2e:370:7348',
  userAgent:
    'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1',
};
const MAC = { ip: '198.51.100.23', userAgent: 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10.15; rv:128.0) Gecko/20100101 Firefox/128.0' };

describe('ログイン中の端末', () => {
  let world: FakeWorld;
  let pc: string;
  let phone: string;
  let mac: string;
  const signIn = (client = CLIENT, loginId: string = MERCHANT.email) =>
    signedInSession({ loginId, password: PASSWORDS.current }, world, client);
  const keyOf = (sessionId: string) => world.sessions.peek(hashSessionId(sessionId))!.sessionKey;

  beforeEach(async () => {
    world = fakeWorld({ start: '2025-04-01T09:00:00.000Z' });
    seedRegisteredAccount(world);
    seedRegisteredAccount(world, { loginId: 'M20250999', email: 'taro@example.com' });
    pc = await signIn();
    world.clock.advance({ minutes: 5 });
    phone = await signIn(PHONE);
    world.clock.advance({ minutes: 5 });
    mac = await signIn(MAC);
    world.clock.advance({ minutes: 5 });
    await currentSession(phone, world); // the phone was used last of the other two
    world.clock.advance({ minutes: 5 });
  });

  describe('listSessions', () => {
    it('lists every live session: the asking one first and marked, then by last activity; browser, OS, approximate IP, times', async () => {
      // Act
      const listed = await listSessions(mac, world);

      // Assess
      expect(listed).toEqual([
        {
          key: keyOf(mac),
          browser: 'Firefox 128',
          os: 'macOS Catalina',
          ip: '198.51.100.*',
          signedInAt: '2025-04-01T09:10:00.000Z',
          lastSeenAt: '2025-04-01T09:20:00.000Z',
          current: true,
        },
        {
          key: keyOf(phone),
          browser: 'Safari 17.5',
          os: 'iOS 17.5',
          ip: '2001:db8:85a3::*',
          signedInAt: '2025-04-01T09:05:00.000Z',
          lastSeenAt: '2025-04-01T09:15:00.000Z',
          current: false,
        },
        {
          key: keyOf(pc),
          browser: 'Chrome 126',
          os: 'Windows 10',
          ip: '203.0.113.*',
          signedInAt: '2025-04-01T09:00:00.000Z',
          lastSeenAt: '2025-04-01T09:00:00.000Z',
          current: false,
        },
      ]);
    });

    it('shows no session id, no hash of one, no full IP and no user agent anywhere in the answer', async () => {
      // Act
      const answer = JSON.stringify(await listSessions(mac, world));

      // Assess
      for (const id of [pc, phone, mac]) {
        expect(answer).not.toContain(id);
        expect(answer).not.toContain(hashSessionId(id));
      }
      for (const client of [CLIENT, PHONE, MAC]) {
        expect(answer).not.toContain(client.ip);
        expect(answer).not.toContain(client.userAgent);
      }
    });

    it('leaves out expired sessions and other accounts', async () => {
      // Prepare: the PC has been idle past its 30 minutes; another merchant is signed in too.
      world.clock.set('2025-04-01T09:30:00.000Z');
      await signIn(CLIENT, 'taro@example.com');

      // Act
      const listed = await listSessions(mac, world);

      // Assess
      expect(listed.map((s) => s.key)).toEqual([keyOf(mac), keyOf(phone)]);
    });

    it('refuses without a session', async () => {
      expect(await failureOf(listSessions(undefined, world))).toBeInstanceOf(SessionRequiredError);
    });
  });

  describe('endSession', () => {
    it('ends the chosen session at once, leaving the others; audited', async () => {
      // Act
      await endSession(mac, { key: keyOf(phone) }, world);

      // Assess
      expect(await failureOf(currentSession(phone, world))).toBeInstanceOf(SessionRequiredError);
      expect((await listSessions(mac, world)).map((s) => s.key)).toEqual([keyOf(mac), keyOf(pc)]);
      expect(world.audit.named('session.ended')).toEqual([
        expect.objectContaining({ outcome: 'success', loginId: MERCHANT.loginId, which: 'one', sessionsEnded: 1 }),
      ]);
    });

    it("answers another merchant's session as it answers an unknown one, and leaves it", async () => {
      // Prepare
      const theirs = await signIn(CLIENT, 'taro@example.com');

      // Act
      const refusals = [
        await failureOf(endSession(mac, { key: keyOf(theirs) }, world)),
        await failureOf(endSession(mac, { key: 'no-such-key' }, world)),
      ];

      // Assess
      for (const refusal of refusals) expect(refusal).toBeInstanceOf(SessionNotFoundError);
      expect(JSON.stringify(refusals[0])).toBe(JSON.stringify(refusals[1]));
      expect(world.sessions.peek(hashSessionId(theirs))).toBeDefined();
      expect(world.audit.named('session.ended')).toEqual([
        expect.objectContaining({ outcome: 'failure' }),
        expect.objectContaining({ outcome: 'failure' }),
      ]);
    });

    it('does not end the asking session (ログアウト does), nor one already ended', async () => {
      // Prepare
      const pcKey = keyOf(pc);
      await endSession(mac, { key: pcKey }, world);

      // Act
      const own = await failureOf(endSession(mac, { key: keyOf(mac) }, world));
      const again = await failureOf(endSession(mac, { key: pcKey }, world));

      // Assess
      expect(own).toBeInstanceOf(SessionNotFoundError);
      expect(again).toBeInstanceOf(SessionNotFoundError);
      expect(world.sessions.peek(hashSessionId(mac))).toBeDefined();
    });
  });

  describe('endOtherSessions', () => {
    it("ends every other session of the account, keeps the asking one and other merchants'; counts and audits", async () => {
      // Prepare
      const theirs = await signIn(CLIENT, 'taro@example.com');

      // Act
      const ended = await endOtherSessions(mac, world);

      // Assess
      expect(ended).toBe(2);
      expect((await listSessions(mac, world)).map((s) => s.key)).toEqual([keyOf(mac)]);
      for (const gone of [pc, phone]) expect(await failureOf(currentSession(gone, world))).toBeInstanceOf(SessionRequiredError);
      expect(world.sessions.peek(hashSessionId(theirs))).toBeDefined();
      expect(world.audit.named('session.ended')).toEqual([
        expect.objectContaining({ outcome: 'success', loginId: MERCHANT.loginId, which: 'others', sessionsEnded: 2 }),
      ]);
    });
  });
});
