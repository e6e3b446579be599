/** Completion tokens as properties: 32 random bytes in, 43 base64url characters out, a stable hash. */
import fc from 'fast-check';
import { hashToken, newCompletionToken } from '../../../lambdas/domain/completion-token';
import type { Random } from '../../../lambdas/domain/ports';
import { RUNS } from './settings';

/** A Random that hands out exactly the given bytes. */
const bytesRandom = (bytes: Uint8Array): Random & { asked: number[] } => {
  const asked: number[] = [];
  return {
    asked,
    bytes: (count) => {
      asked.push(count);
      return Buffer.from(bytes.subarray(0, count));
    },
    int: () => {
      throw new Error('a token takes bytes, not integers');
    },
  };
};

const thirtyTwoBytes = fc.uint8Array({ minLength: 32, maxLength: 32 });

describe('completion token (properties)', () => {
  it('is 43 base64url characters that decode to the 32 bytes drawn', () => {
    fc.assert(
      fc.property(thirtyTwoBytes, (bytes) => {
        const random = bytesRandom(bytes);
        const token = newCompletionToken(random);
        expect(random.asked).toEqual([32]);
        expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
        expect(Buffer.from(token, 'base64url').equals(Buffer.from(bytes))).toBe(true);
      }),
      RUNS,
    );
  });

  it('hashes deterministically to 43 base64url characters that are not the token', () => {
    fc.assert(
      fc.property(thirtyTwoBytes, (bytes) => {
        const token = newCompletionToken(bytesRandom(bytes));
        const hash = hashToken(token);
        expect(hashToken(token)).toBe(hash);
        expect(hash).toMatch(/^[A-Za-z0-9_-]{43}$/);
        expect(hash).not.toBe(token);
      }),
      RUNS,
    );
  });

  it('hashes different tokens differently, and any string (as a link can carry) without throwing', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 128 }), fc.string({ unit: 'binary', maxLength: 128 }), (a, b) => {
        fc.pre(Buffer.from(a, 'utf8').equals(Buffer.from(b, 'utf8')) === false);
        expect(hashToken(a)).not.toBe(hashToken(b));
      }),
      RUNS,
    );
  });
});
