import { createHash } from 'node:crypto';
import type { Random } from './ports';

/** 32 random bytes, base64url: the secret in the completion URL's fragment. */
export function newCompletionToken(random: Random): string {
  return random.bytes(32).toString('base64url');
}

/** Only this hash is stored, so a copy of the table cannot complete anyone's request. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('base64url');
}
