import { TooManyRequestsError } from '../../../lambdas/domain/errors';
import { mailKeys, takeMailRate } from '../../../lambdas/domain/mail-rate';
import { fakeWorld, type FakeWorld } from '../fakes/world';

describe('mail rate', () => {
  describe('mailKeys', () => {
    it('counts an address the same whatever its case', () => {
      expect(mailKeys.address('Hanako@Example.COM')).toBe(mailKeys.address('hanako@example.com'));
      expect(mailKeys.address('hanako@example.com')).toBe('mail#address#hanako@example.com');
    });

    it('counts per account by login ID', () => {
      expect(mailKeys.account('M20250401')).toBe('mail#account#M20250401');
    });

    it('never lets an account key and an address key meet', () => {
      expect(mailKeys.account('x@example.com')).not.toBe(mailKeys.address('x@example.com'));
    });
  });

  describe('takeMailRate', () => {
    const EMAIL = 'hanako@example.com';
    let world: FakeWorld;

    beforeEach(() => {
      world = fakeWorld();
    });

    const take = (to: { loginId?: string; email: string }) => takeMailRate('test.requested', to, world, world.clock.now());

    it("lets the rate's limit through, then refuses the account with 429 and an audit line", async () => {
      // Arrange
      for (let i = 0; i < 5; i += 1) await take({ loginId: 'M1', email: `a${i}@example.com` });

      // Act
      const sixth = take({ loginId: 'M1', email: EMAIL });

      // Assess
      await expect(sixth).rejects.toThrow(TooManyRequestsError);
      expect(world.audit.events).toEqual([
        { event: 'test.requested', outcome: 'failure', loginId: 'M1', email: EMAIL, reason: 'mail rate limit' },
      ]);
    });

    it('lets the mail go while both have uses left', async () => {
      await expect(take({ loginId: 'M1', email: EMAIL })).resolves.toBe(true);
      expect(world.audit.events).toEqual([]);
    });

    it('never refuses for the address: past its limit the mail is dropped with an audit line', async () => {
      // Arrange
      for (let i = 0; i < 5; i += 1) await take({ loginId: `M${i}`, email: EMAIL });

      // Act
      const sixth = take({ loginId: 'M9', email: EMAIL });

      // Assess
      await expect(sixth).resolves.toBe(false);
      expect(world.audit.events).toEqual([
        { event: 'test.requested', outcome: 'failure', loginId: 'M9', email: EMAIL, reason: 'mail rate limit (address)' },
      ]);
    });

    it('counts per address across accounts, whatever its case', async () => {
      // Arrange
      for (let i = 0; i < 5; i += 1) await take({ loginId: `M${i}`, email: EMAIL });

      // Act, Assess
      await expect(take({ loginId: 'M9', email: 'HANAKO@example.com' })).resolves.toBe(false);
      await expect(take({ loginId: 'M9', email: 'other@example.com' })).resolves.toBe(true);
    });

    it('counts per account across addresses', async () => {
      // Arrange
      for (let i = 0; i < 5; i += 1) await take({ loginId: 'M1', email: `a${i}@example.com` });

      // Act, Assess
      await expect(take({ loginId: 'M1', email: 'fresh@example.com' })).rejects.toThrow(TooManyRequestsError);
    });

    it('does not take from the address when the account is used up', async () => {
      // Arrange
      for (let i = 0; i < 5; i += 1) await take({ loginId: 'M1', email: `a${i}@example.com` });

      // Act
      await take({ loginId: 'M1', email: 'fresh@example.com' }).catch(() => undefined);

      // Assess: the fresh address still has its whole hour
      for (let i = 0; i < 5; i += 1) await expect(take({ loginId: `N${i}`, email: 'fresh@example.com' })).resolves.toBe(true);
      await expect(take({ loginId: 'N9', email: 'fresh@example.com' })).resolves.toBe(false);
    });

    it('counts by address alone when no account is named, never refuses, and names none in the audit', async () => {
      // Arrange
      for (let i = 0; i < 5; i += 1) await take({ email: EMAIL });

      // Act, Assess
      await expect(take({ email: EMAIL })).resolves.toBe(false);
      expect(world.audit.events[0]).toEqual({
        event: 'test.requested',
        outcome: 'failure',
        email: EMAIL,
        reason: 'mail rate limit (address)',
      });
      expect(world.audit.events[0]).not.toHaveProperty('loginId');
    });

    it("opens a new window after the rate's minutes", async () => {
      // Arrange
      for (let i = 0; i < 5; i += 1) await take({ email: EMAIL });

      // Act
      world.clock.advance({ minutes: 60 });

      // Assess
      await expect(take({ email: EMAIL })).resolves.toBe(true);
    });
  });
});
