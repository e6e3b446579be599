import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Random } from './ports';

export const PASSCODE_LENGTH = 6;

/** Six uniformly random digits (leading zeros kept). */
export function newPasscode(random: Random): string {
  return Array.from({ length: PASSCODE_LENGTH }, () => String(random.int(10))).join('');
}

/**
 * Passcodes have only a million values, so a plain hash would be reversed at once; the server's
 * key makes the stored value useless without it, and binding to the request's token hash makes
 * the same passcode hash differently on every request.
 */
export function hashPasscode(key: string, tokenHash: string, passcode: string): string {
  return createHmac('sha256', key).update(`${tokenHash}:${passcode}`).digest('base64url');
}

export function passcodeMatches(key: string, tokenHash: string, passcode: string, storedHash: string): boolean {
  const given = Buffer.from(hashPasscode(key, tokenHash, passcode));
  const stored = Buffer.from(storedHash);
  return given.length === stored.length && timingSafeEqual(given, stored);
}
