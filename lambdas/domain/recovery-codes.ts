/**
 * リカバリーコード: ten single-use codes for when the authenticator app is not at hand.
 * Each is 8 letters from 31 that cannot be mistaken for one another (no 0/o, 1/l/i), about 40
 * random bits: far too many to guess within the login lock (5 tries per 15 minutes), so a fast
 * hash suffices and no slow one (scrypt) is needed. The hash is keyed (HMAC with the TOTP key)
 * and bound to the login ID, so a copy of the table alone cannot be searched offline.
 */
import { createHmac } from 'node:crypto';
import type { Random } from './ports';

export const RECOVERY_CODE_COUNT = 10;
const ALPHABET = '23456789abcdefghjkmnpqrstuvwxyz';
const HALF = 4;

const newCode = (random: Random) => {
  const letters = Array.from({ length: HALF * 2 }, () => ALPHABET[random.int(ALPHABET.length)]).join('');
  return `${letters.slice(0, HALF)}-${letters.slice(HALF)}`;
};

/** A new set, as the merchant is shown it once. */
export const newRecoveryCodes = (random: Random): string[] => Array.from({ length: RECOVERY_CODE_COUNT }, () => newCode(random));

/** As typed: any case, full or half width, with or without the hyphen and spaces. */
const normalised = (code: string) => code.normalize('NFKC').toLowerCase().replace(/[\s-]/g, '');

export const hashRecoveryCode = (totpKey: string, loginId: string, code: string): string =>
  createHmac('sha256', totpKey)
    .update(`${loginId}:${normalised(code)}`)
    .digest('base64url');
