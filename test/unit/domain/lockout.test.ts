import { lockEnd, lockoutGuard, lockoutKey, unlock } from '../../../lambdas/domain/lockout';
import { fakeWorld, type FakeWorld } from '../fakes/world';

describe('lockout', () => {
  describe('lockoutKey', () => {
    it('names the flow and the ID', () => {
      expect(lockoutKey('login', 'hanako@example.com')).toBe('lockout#login#hanako@example.com');
      expect(lockoutKey('first-login', 'm20250401')).toBe('lockout#first-login#m20250401');
    });

    it('counts an ID the same whatever its case and surrounding spaces', () => {
      // Act
      const keys = ['hanako@example.com', ' Hanako@Example.COM ', 'HANAKO@EXAMPLE.COM\t'].map((id) => lockoutKey('login', id));

      // Assess
      expect(new Set(keys).size).toBe(1);
    });

    it('keeps the login and first-login counts apart', () => {
      expect(lockoutKey('login', 'M20250401')).not.toBe(lockoutKey('first-login', 'M20250401'));
    });
  });

  describe('lockoutGuard', () => {
    const EMAIL = 'hanako@example.com';
    const line = (reason: string) => ({ event: 'login', outcome: 'failure', loginId: 'M20250401', email: EMAIL, reason }) as const;
    let world: FakeWorld;

    beforeEach(() => {
      world = fakeWorld();
    });

    const failTimes = async (times: number, flow: 'login' | 'first-login' = 'login', id = EMAIL) => {
      for (let i = 0; i < times; i += 1) await lockoutGuard(flow, id, world).failed(line(`wrong ${i + 1}`));
    };

    it('is not locked before the threshold, and audits each wrong guess as given', async () => {
      // Act
      await failTimes(4);

      // Assess
      expect(await lockoutGuard('login', EMAIL, world).lockedReason()).toBeUndefined();
      expect(world.audit.events.map((e) => e.reason)).toEqual(['wrong 1', 'wrong 2', 'wrong 3', 'wrong 4']);
      expect(world.audit.named('lockout')).toEqual([]);
    });

    it("locks at the threshold for the rule's minutes, with one lockout line after the failure that locked", async () => {
      // Act
      await failTimes(5);

      // Assess
      expect(await lockoutGuard('login', EMAIL, world).lockedReason()).toBe('locked until 2025-04-01T09:15:00.000Z');
      expect(world.audit.events.slice(-2)).toEqual([
        line('wrong 5'),
        { event: 'lockout', outcome: 'success', loginId: 'M20250401', email: EMAIL, flow: 'login', minutes: 15 },
      ]);
      world.clock.advance({ minutes: 15 });
      expect(await lockoutGuard('login', EMAIL, world).lockedReason()).toBeUndefined();
    });

    it('names only the login ID in a first-login lockout line', async () => {
      // Act
      await failTimes(5, 'first-login', 'M20250401');

      // Assess
      expect(world.audit.named('lockout')).toEqual([
        { event: 'lockout', outcome: 'success', loginId: 'M20250401', flow: 'first-login', minutes: 15 },
      ]);
      expect(world.audit.named('lockout')[0]).not.toHaveProperty('email');
    });

    it('starts the count afresh after a right guess', async () => {
      // Arrange
      await failTimes(4);

      // Act
      await lockoutGuard('login', EMAIL, world).passed();
      await failTimes(4);

      // Assess
      expect(await lockoutGuard('login', EMAIL, world).lockedReason()).toBeUndefined();
    });

    it('counts each flow apart', async () => {
      // Act
      await failTimes(5, 'first-login', EMAIL);

      // Assess
      expect(await lockoutGuard('login', EMAIL, world).lockedReason()).toBeUndefined();
      expect(await lockoutGuard('first-login', EMAIL, world).lockedReason()).toBeDefined();
    });

    it('judges at the moment it is given, not when it is asked', async () => {
      // Arrange
      await failTimes(5);
      const guard = lockoutGuard('login', EMAIL, world, world.clock.now());

      // Act
      world.clock.advance({ minutes: 20 });

      // Assess
      expect(await guard.lockedReason()).toBe('locked until 2025-04-01T09:15:00.000Z');
    });
  });

  describe('lockEnd and unlock (ops)', () => {
    it('show the end of a lock, and lift it with its count', async () => {
      // Arrange
      const world = fakeWorld();
      const line = { event: 'registration.requested', outcome: 'failure', loginId: 'M20250401', reason: 'wrong initial password' } as const;
      for (let i = 0; i < 5; i += 1) await lockoutGuard('first-login', 'M20250401', world).failed(line);
      const lockedEnd = await lockEnd(world.limits, 'first-login', 'm20250401', world.clock.now());

      // Act
      await unlock(world.limits, 'first-login', 'M20250401');

      // Assess
      expect(lockedEnd).toEqual(new Date('2025-04-01T09:15:00.000Z'));
      expect(await lockEnd(world.limits, 'first-login', 'M20250401', world.clock.now())).toBeUndefined();
      expect(await lockEnd(world.limits, 'login', 'M20250401', world.clock.now())).toBeUndefined();
    });
  });
});
