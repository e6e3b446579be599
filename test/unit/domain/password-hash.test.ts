import { systemRandom } from '../../../lambdas/adapters/system';
import { DECOY_HASH, hashPassword, matchesAny, verifyPassword } from '../../../lambdas/domain/password-hash';

// scrypt takes ~100–300 ms per call: hash once, and keep the number of verifications small.
const PASSWORD = 'Vt4!rW9q]Zm2';
const OTHER = 'Kx7#mQ2$vLp9';
let hash: string;
let otherHash: string;

beforeAll(async () => {
  [hash, otherHash] = await Promise.all([hashPassword(PASSWORD, systemRandom), hashPassword(OTHER, systemRandom)]);
});

describe('password hash', () => {
  it('stores scrypt with its parameters and a salt, never the password', () => {
    // Assess
    expect(hash).toMatch(/^scrypt\$32768\$8\$3\$[A-Za-z0-9_-]{22}\$[A-Za-z0-9_-]{43}$/);
    expect(hash).not.toContain(PASSWORD);
  });

  it('salts every hash, so the same password hashes differently', async () => {
    // Act
    const again = await hashPassword(PASSWORD, systemRandom);

    // Assess
    expect(again).not.toBe(hash);
    expect(await verifyPassword(PASSWORD, again)).toBe(true);
  });

  it('verifies the right password', async () => {
    expect(await verifyPassword(PASSWORD, hash)).toBe(true);
  });

  it('refuses a wrong password', async () => {
    expect(await verifyPassword('Vt4!rW9q]Zm3', hash)).toBe(false);
  });

  it.each([
    ['empty', ''],
    ['not a hash', 'Vt4!rW9q]Zm2'],
    ['another scheme', 'bcrypt$32768$8$3$c2FsdHNhbHRzYWx0$a2V5a2V5'],
    ['missing its key', 'scrypt$32768$8$3$c2FsdHNhbHRzYWx0'],
    ['with a non-numeric cost', 'scrypt$abc$8$3$c2FsdHNhbHRzYWx0$a2V5a2V5'],
    ['with a cost that is not a power of two', 'scrypt$1000$8$3$c2FsdHNhbHRzYWx0$a2V5a2V5'],
  ])('answers false, without throwing, for a stored hash %s', async (_label, stored) => {
    // Act
    const result = verifyPassword(PASSWORD, stored);

    // Assess
    await expect(result).resolves.toBe(false);
  });

  it('never matches the decoy hash', async () => {
    // Act
    const results = await Promise.all(['', PASSWORD].map((p) => verifyPassword(p, DECOY_HASH)));

    // Assess
    expect(results).toEqual([false, false]);
  });

  describe('matchesAny', () => {
    it('is true when the password is one of the hashes', async () => {
      expect(await matchesAny(OTHER, [hash, otherHash])).toBe(true);
    });

    it('is false when it is none of them', async () => {
      expect(await matchesAny('Qz8(Lm3^Rt6{', [hash, otherHash])).toBe(false);
    });

    it('is false for an empty history', async () => {
      expect(await matchesAny(PASSWORD, [])).toBe(false);
    });
  });
});
