import { createCipheriv, createDecipheriv, createHash } from 'node:crypto';
import type { Random } from './ports';

/**
 * Initial passwords wait for their letter sealed with AES-256-GCM under the ops letter key, bound
 * to the login ID (a sealed password copied to another account does not open). Format:
 * base64url(iv | tag | ciphertext).
 */
const keyOf = (letterKey: string) => createHash('sha256').update(letterKey, 'utf8').digest();

export function sealPassword(letterKey: string, loginId: string, password: string, random: Random): string {
  const iv = random.bytes(12);
  const cipher = createCipheriv('aes-256-gcm', keyOf(letterKey), iv);
  cipher.setAAD(Buffer.from(loginId, 'utf8'));
  const sealed = Buffer.concat([cipher.update(password, 'utf8'), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), sealed]).toString('base64url');
}

/** Throws when the key is wrong or the value was tampered with. */
export function openPassword(letterKey: string, loginId: string, sealed: string): string {
  const bytes = Buffer.from(sealed, 'base64url');
  const decipher = createDecipheriv('aes-256-gcm', keyOf(letterKey), bytes.subarray(0, 12));
  decipher.setAAD(Buffer.from(loginId, 'utf8'));
  decipher.setAuthTag(bytes.subarray(12, 28));
  return Buffer.concat([decipher.update(bytes.subarray(28)), decipher.final()]).toString('utf8');
}
