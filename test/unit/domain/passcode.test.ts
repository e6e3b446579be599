import { hashPasscode, newPasscode, PASSCODE_LENGTH, passcodeMatches } from '../../../lambdas/domain/passcode';
import { ScriptedRandom, SeededRandom } from '../fakes/random';

const KEY = 'passcode-key-for-unit-tests-0123456789';
const TOKEN_HASH = 'x3Jq2lT0c8Vq9w0bB0Yc3oWm1Yk5u7R8sV6nC4aD2eE';

describe('passcode', () => {
  it('is six digits', () => {
    // Prepare
    const random = new SeededRandom('passcode');

    // Act
    const passcodes = Array.from({ length: 50 }, () => newPasscode(random));

    // Assess
    expect(PASSCODE_LENGTH).toBe(6);
    for (const passcode of passcodes) expect(passcode).toMatch(/^\d{6}$/);
  });

  it('keeps leading zeros', () => {
    // Prepare
    const random = new ScriptedRandom([0, 0, 7, 0, 4, 2]);

    // Act
    const passcode = newPasscode(random);

    // Assess
    expect(passcode).toBe('007042');
  });

  it('draws each digit uniformly from 0–9', () => {
    // Prepare
    const random = new ScriptedRandom([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);

    // Act
    const digits = Array.from({ length: 10 }, () => newPasscode(random)).join('');

    // Assess
    expect(new Set(random.bounds)).toEqual(new Set([10]));
    const counts = [...'0123456789'].map((d) => [...digits].filter((c) => c === d).length);
    expect(counts).toEqual(Array(10).fill(6));
  });

  it('uses every digit about equally often with a seeded random', () => {
    // Prepare
    const random = new SeededRandom('uniform');

    // Act
    const digits = Array.from({ length: 2000 }, () => newPasscode(random)).join('');

    // Assess: 12 000 digits, 1 200 expected each; ±15 % is far beyond chance.
    for (const d of '0123456789') {
      const count = [...digits].filter((c) => c === d).length;
      expect(count).toBeGreaterThan(1020);
      expect(count).toBeLessThan(1380);
    }
  });

  describe('keyed hash', () => {
    it('is neither the passcode nor the same under another key', () => {
      // Act
      const hash = hashPasscode(KEY, TOKEN_HASH, '123456');
      const underOtherKey = hashPasscode(`${KEY}-other`, TOKEN_HASH, '123456');

      // Assess
      expect(hash).not.toContain('123456');
      expect(underOtherKey).not.toBe(hash);
    });

    it('differs per request (token hash) for the same passcode', () => {
      expect(hashPasscode(KEY, 'token-hash-a', '123456')).not.toBe(hashPasscode(KEY, 'token-hash-b', '123456'));
    });

    it('is stable for the same key, request and passcode', () => {
      expect(hashPasscode(KEY, TOKEN_HASH, '000001')).toBe(hashPasscode(KEY, TOKEN_HASH, '000001'));
    });
  });

  describe('passcodeMatches', () => {
    const stored = hashPasscode(KEY, TOKEN_HASH, '031415');

    it('is true for the right passcode', () => {
      expect(passcodeMatches(KEY, TOKEN_HASH, '031415', stored)).toBe(true);
    });

    it.each([
      ['another passcode', KEY, TOKEN_HASH, '031416'],
      ['the passcode without its leading zero', KEY, TOKEN_HASH, '31415'],
      ['another request', KEY, 'another-token-hash', '031415'],
      ['another key', `${KEY}-rotated`, TOKEN_HASH, '031415'],
    ])('is false for %s', (_label, key, tokenHash, passcode) => {
      expect(passcodeMatches(key, tokenHash, passcode, stored)).toBe(false);
    });

    it('is false, without throwing, when the stored hash has another length', () => {
      expect(passcodeMatches(KEY, TOKEN_HASH, '031415', stored.slice(0, -1))).toBe(false);
      expect(passcodeMatches(KEY, TOKEN_HASH, '031415', '')).toBe(false);
    });
  });
});
