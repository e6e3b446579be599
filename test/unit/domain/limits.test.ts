import { lockoutKey, mailKeys } from '../../../lambdas/domain/limits';

describe('limit keys', () => {
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
});
