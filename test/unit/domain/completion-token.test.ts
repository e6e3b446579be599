import { createHash } from 'node:crypto';
import { hashToken, newCompletionToken } from '../../../lambdas/domain/completion-token';
import { ScriptedRandom, SeededRandom } from '../fakes/random';

describe('completion token', () => {
  it('is 32 random bytes as 43 base64url characters', () => {
    // Prepare
    const random = new ScriptedRandom([0], 0xfb);

    // Act
    const token = newCompletionToken(random);

    // Assess
    expect(token).toHaveLength(43);
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(token, 'base64url')).toEqual(Buffer.alloc(32, 0xfb));
  });

  it('differs at every call', () => {
    // Prepare
    const random = new SeededRandom('tokens');

    // Act
    const tokens = Array.from({ length: 20 }, () => newCompletionToken(random));

    // Assess
    expect(new Set(tokens).size).toBe(20);
  });

  it('is stored as a stable SHA-256 hash that is not the token', () => {
    // Prepare
    const token = newCompletionToken(new SeededRandom('hash'));

    // Act
    const hash = hashToken(token);

    // Assess
    expect(hash).toBe(hashToken(token));
    expect(hash).not.toBe(token);
    expect(hash).toBe(createHash('sha256').update(token).digest('base64url'));
    expect(hashToken(`${token}x`)).not.toBe(hash);
  });
});
