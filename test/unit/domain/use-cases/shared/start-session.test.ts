import { hashSessionId } from '../../../../../lambdas/domain/session-id';
import { startSession } from '../../../../../lambdas/domain/use-cases/shared/start-session';
import { CLIENT, fakeWorld, MERCHANT, seedRegisteredAccount, stringsIn, type FakeWorld } from '../../../fakes/world';

const NOTICE_SUBJECT = '【GMOフィナンシャルゲート】お客様サポートWEB 新しい端末からのログインのお知らせ';
const SAFARI_ON_IPHONE = {
  ip: '2001:db8:85a3:8d3:1319:8a2e:370:7348',
  userAgent:
    'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1',
};

describe('startSession: the browser a sign-in comes from', () => {
  let world: FakeWorld;
  const account = () => world.accounts.peek(MERCHANT.loginId) as ReturnType<typeof seedRegisteredAccount>;
  const signIn = (client: { ip: string; userAgent: string; deviceId?: string } = CLIENT) =>
    startSession(account(), 'password', client, world, world.clock.now());

  beforeEach(() => {
    world = fakeWorld({ start: '2025-04-01T09:00:00.000Z' });
    seedRegisteredAccount(world);
  });

  describe('the first sign-in ever (right after registration)', () => {
    it('mails no notice: it is the browser the merchant registered in; the browser is remembered', async () => {
      // Act
      const { deviceId } = await signIn();

      // Assess
      expect(deviceId).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(world.mailer.sent).toEqual([]);
      expect(world.audit.named('login.new-device')).toEqual([]);
      expect(account().knownDevices).toEqual([hashSessionId(deviceId)]);
    });
  });

  describe('after that', () => {
    let first: { sessionId: string; deviceId: string };

    beforeEach(async () => {
      first = await signIn();
      world.clock.advance({ hours: 1 });
    });

    it('mails no notice to a browser this account knows, and keeps its cookie', async () => {
      // Act
      const again = await signIn({ ...CLIENT, deviceId: first.deviceId });

      // Assess
      expect(again.deviceId).toBe(first.deviceId);
      expect(world.mailer.sent).toEqual([]);
      expect(world.audit.named('login.new-device')).toEqual([]);
      expect(account().knownDevices).toEqual([hashSessionId(first.deviceId)]);
    });

    it('mails a notice to the account for a browser without the cookie: when (JST), browser and OS, the approximate IP, what to do', async () => {
      // Act
      const fresh = await signIn(SAFARI_ON_IPHONE);

      // Assess
      expect(fresh.deviceId).not.toBe(first.deviceId);
      expect(world.mailer.sent).toHaveLength(1);
      const [mail] = world.mailer.sent;
      expect(mail).toMatchObject({ to: MERCHANT.email, subject: NOTICE_SUBJECT });
      const lines = mail.text.split('\n');
      expect(lines).toContain('ログイン日時 : 2025年4月1日 19:00');
      expect(lines).toContain('ブラウザ / OS : Safari 17.5 / iOS 17.5');
      expect(lines).toContain('IPアドレス : 2001:db8:85a3::*');
      expect(mail.text).not.toContain(SAFARI_ON_IPHONE.ip);
      expect(account().knownDevices).toEqual([hashSessionId(fresh.deviceId), hashSessionId(first.deviceId)]);
    });

    it("counts a browser with another account's cookie as new, and keeps that cookie for the browser", async () => {
      // Prepare: another merchant signed in on this shared computer before.
      const theirs = 'c'.repeat(43);

      // Act
      const started = await signIn({ ...CLIENT, deviceId: theirs });

      // Assess
      expect(started.deviceId).toBe(theirs);
      expect(world.mailer.sent.map((m) => m.subject)).toEqual([NOTICE_SUBJECT]);
    });

    it('replaces a malformed cookie with a new one (and counts the browser as new)', async () => {
      // Act
      const started = await signIn({ ...CLIENT, deviceId: 'not-one-of-ours' });

      // Assess
      expect(started.deviceId).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(started.deviceId).not.toBe('not-one-of-ours');
      expect(world.mailer.sent).toHaveLength(1);
    });

    it('audits the new browser with its browser and OS, never the cookie or its hash', async () => {
      // Act
      const fresh = await signIn(SAFARI_ON_IPHONE);

      // Assess
      expect(world.audit.named('login.new-device')).toEqual([
        {
          event: 'login.new-device',
          outcome: 'success',
          loginId: MERCHANT.loginId,
          email: MERCHANT.email,
          browser: 'Safari 17.5',
          os: 'iOS 17.5',
        },
      ]);
      const logged = stringsIn(world.audit.events);
      for (const secret of [fresh.deviceId, hashSessionId(fresh.deviceId), first.deviceId, hashSessionId(first.deviceId)]) {
        expect(logged.some((text) => text.includes(secret))).toBe(false);
      }
    });

    it('still signs in when the notice is not taken: only a notice.not-sent line', async () => {
      // Prepare
      world.mailer.failNext();

      // Act
      const started = await signIn(SAFARI_ON_IPHONE);

      // Assess
      expect(world.sessions.peek(hashSessionId(started.sessionId))).toBeDefined();
      expect(world.audit.named('notice.not-sent')).toEqual([expect.objectContaining({ reason: NOTICE_SUBJECT })]);
    });

    it('remembers the last 10 browsers, newest first: an 11th pushes the oldest out, which is then new again', async () => {
      // Prepare: ten more browsers after the first.
      const later = [];
      for (let i = 0; i < 10; i++) later.push((await signIn({ ...CLIENT, deviceId: undefined })).deviceId);

      // Act
      world.mailer.sent.length = 0;
      await signIn({ ...CLIENT, deviceId: later[0] });
      await signIn({ ...CLIENT, deviceId: first.deviceId });

      // Assess
      expect(account().knownDevices).toHaveLength(10);
      expect(account().knownDevices?.[0]).toBe(hashSessionId(first.deviceId));
      expect(world.mailer.sent).toHaveLength(1);
    });
  });
});
