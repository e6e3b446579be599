import type { Random } from './ports';

/**
 * Letters for passwords printed on paper: no 0/O/o, 1/l/I, 2/Z, 5/S, 8/B and symbols that are
 * hard to read or type from print. One symbol and each class are always present, so the
 * initial password passes the same policy as the merchant's own.
 */
const UPPER = 'ACDEFGHJKLMNPQRTUVWXY';
const LOWER = 'abcdefghijkmnpqrstuvwxyz';
const DIGITS = '34679';
const SYMBOLS = '#%+=?@';
const ALL = UPPER + LOWER + DIGITS;
export const INITIAL_PASSWORD_LENGTH = 14;

function pick(random: Random, alphabet: string): string {
  return alphabet[random.int(alphabet.length)];
}

export function newInitialPassword(random: Random): string {
  const chars = [pick(random, UPPER), pick(random, LOWER), pick(random, DIGITS), pick(random, SYMBOLS)];
  while (chars.length < INITIAL_PASSWORD_LENGTH) chars.push(pick(random, ALL));
  // Fisher–Yates, so the guaranteed classes are not always in front.
  for (let i = chars.length - 1; i > 0; i -= 1) {
    const j = random.int(i + 1);
    [chars[i], chars[j]] = [chars[j], chars[i]];
  }
  return chars.join('');
}
