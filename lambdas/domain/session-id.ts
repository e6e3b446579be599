import { createHash } from 'node:crypto';
import type { Random } from './ports';

/** The cookie's value: 32 random bytes. Only its hash is stored, like the completion token. */
export function newSessionId(random: Random): string {
  return random.bytes(32).toString('base64url');
}

export function hashSessionId(sessionId: string): string {
  return createHash('sha256').update(sessionId, 'utf8').digest('base64url');
}
