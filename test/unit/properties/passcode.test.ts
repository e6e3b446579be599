/** Passcodes as properties: their shape whatever the random draws, and the keyed hash's round trip. */
import fc from 'fast-check';
import { hashPasscode, newPasscode, PASSCODE_LENGTH, passcodeMatches } from '../../../lambdas/domain/passcode';
import { ScriptedRandom } from '../fakes/random';
import { RUNS } from './settings';

const digit = fc.integer({ min: 0, max: 9 });
const passcode = fc.array(digit, { minLength: PASSCODE_LENGTH, maxLength: PASSCODE_LENGTH }).map((d) => d.join(''));
const key = fc.string({ minLength: 1, maxLength: 64 });
const tokenHash = fc.base64String({ minLength: 4, maxLength: 44 });

describe('passcode (properties)', () => {
  it('is always 6 ASCII digits, the draws in order, leading zeros kept', () => {
    fc.assert(
      fc.property(fc.array(digit, { minLength: PASSCODE_LENGTH, maxLength: PASSCODE_LENGTH }), (draws) => {
        const random = new ScriptedRandom(draws);
        const code = newPasscode(random);
        expect(code).toMatch(/^[0-9]{6}$/);
        expect(code).toBe(draws.join(''));
        expect(random.bounds).toEqual(Array(PASSCODE_LENGTH).fill(10));
      }),
      RUNS,
    );
  });

  it('verifies the passcode it hashed', () => {
    fc.assert(
      fc.property(key, tokenHash, passcode, (k, t, p) => {
        expect(passcodeMatches(k, t, p, hashPasscode(k, t, p))).toBe(true);
      }),
      RUNS,
    );
  });

  it('never verifies another passcode, another request or another key', () => {
    fc.assert(
      fc.property(key, tokenHash, passcode, passcode, tokenHash, (k, t, p, other, otherToken) => {
        const stored = hashPasscode(k, t, p);
        if (other !== p) expect(passcodeMatches(k, t, other, stored)).toBe(false);
        if (otherToken !== t) expect(passcodeMatches(k, otherToken, p, stored)).toBe(false);
        expect(passcodeMatches(`${k}x`, t, p, stored)).toBe(false);
      }),
      RUNS,
    );
  });

  it('never throws and never matches on a stored value of any other shape (truncated, padded, empty, non-ASCII)', () => {
    fc.assert(
      fc.property(key, tokenHash, passcode, fc.string({ unit: 'binary', maxLength: 60 }), (k, t, p, stored) => {
        const real = hashPasscode(k, t, p);
        fc.pre(stored !== real);
        expect(passcodeMatches(k, t, p, stored)).toBe(false);
        expect(passcodeMatches(k, t, p, real.slice(0, -1))).toBe(false);
        expect(passcodeMatches(k, t, p, `${real}=`)).toBe(false);
      }),
      RUNS,
    );
  });

  it('stores neither the passcode nor anything but base64url', () => {
    fc.assert(
      fc.property(key, tokenHash, passcode, (k, t, p) => {
        const stored = hashPasscode(k, t, p);
        expect(stored).toMatch(/^[A-Za-z0-9_-]{43}$/);
        expect(stored).not.toContain(p);
      }),
      RUNS,
    );
  });
});
