import { scrypt, timingSafeEqual } from 'node:crypto';
import type { Random } from './ports';

/**
 * scrypt at one of OWASP's equivalent settings (N=2^15, r=8, p=3): 32 MiB per hash fits a small
 * Lambda, where N=2^17 would need 128 MiB. Parameters are stored with each hash so they can be
 * raised later without invalidating old hashes.
 */
const N = 2 ** 15;
const R = 8;
const P = 3;
const KEY_LENGTH = 32;
const MAX_MEMORY = 64 * 1024 * 1024;

function derive(password: string, salt: Buffer, n: number, r: number, p: number): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scrypt(password, salt, KEY_LENGTH, { N: n, r, p, maxmem: MAX_MEMORY }, (error, key) => (error ? reject(error) : resolve(key))),
  );
}

/** `scrypt$N$r$p$salt$key`, both base64url; the salt from the Random port. */
export async function hashPassword(password: string, random: Random): Promise<string> {
  const salt = random.bytes(16);
  const key = await derive(password, salt, N, R, P);
  return ['scrypt', N, R, P, salt.toString('base64url'), key.toString('base64url')].join('$');
}

/** False for a wrong password, and for a stored value that is not a hash this module made. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, key] = stored.split('$');
  const [cost, blockSize, parallelism] = [Number(n), Number(r), Number(p)];
  if (scheme !== 'scrypt' || !salt || !key || ![cost, blockSize, parallelism].every(Number.isSafeInteger)) return false;
  try {
    const expected = Buffer.from(key, 'base64url');
    const actual = await derive(password, Buffer.from(salt, 'base64url'), cost, blockSize, parallelism);
    return actual.length === expected.length && timingSafeEqual(actual, expected);
  } catch {
    return false;
  }
}

/** A hash of nothing anyone knows: verifying against it costs the same as against a real one. */
export const DECOY_HASH = 'scrypt$32768$8$3$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';

/** True when the password is one of the hashes (checked in parallel: each costs ~100 ms). */
export async function matchesAny(password: string, hashes: readonly string[]): Promise<boolean> {
  const results = await Promise.all(hashes.map((hash) => verifyPassword(password, hash)));
  return results.includes(true);
}
