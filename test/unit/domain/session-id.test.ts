import { createHash } from 'node:crypto';
import { hashSessionId, newSessionId } from '../../../lambdas/domain/session-id';
import { ScriptedRandom, SeededRandom } from '../fakes/random';

describe('session id', () => {
  it('is 32 random bytes as 43 base64url characters', () => {
    // Prepare
    const random = new ScriptedRandom([0], 0x3e);

    // Act
    const sessionId = newSessionId(random);

    // Assess
    expect(sessionId).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(sessionId, 'base64url')).toEqual(Buffer.alloc(32, 0x3e));
  });

  it('is new at every call', () => {
    const random = new SeededRandom('sessions');
    expect(newSessionId(random)).not.toBe(newSessionId(random));
  });

  it('is stored as a stable SHA-256 hash that is not the id', () => {
    // Prepare
    const sessionId = newSessionId(new SeededRandom('session-hash'));

    // Act
    const hash = hashSessionId(sessionId);

    // Assess
    expect(hash).toBe(hashSessionId(sessionId));
    expect(hash).not.toBe(sessionId);
    expect(hash).toBe(createHash('sha256').update(sessionId).digest('base64url'));
  });
});
