/**
 * One seed for every property file, so a failure prints a counterexample that the same run
 * reproduces (fast-check also prints the seed and path to replay one case).
 */
import fc from 'fast-check';

export const SEED = 20_261_201;

/** Cheap properties: the default 100 runs are too few to reach rare corners. */
export const RUNS = { seed: SEED, numRuns: 200 } as const;

/** Properties whose every run is slow (hashing many values, Intl formatting). */
export const FEW_RUNS = { seed: SEED, numRuns: 50 } as const;

/** Text a merchant can read: at least one kana or kanji, and a full stop as the product writes it. */
export const JAPANESE = /[\u3040-\u30ff\u4e00-\u9fff].*。$/s;

/** One character of the given set. */
export const charOf = (set: string) => fc.constantFrom(...[...set]);

/** `value` with its letters' case chosen at random (the way a merchant might type it). */
export const anyCase = (value: string) =>
  fc
    .array(fc.boolean(), { minLength: value.length, maxLength: value.length })
    .map((flips) => [...value].map((c, i) => (flips[i] ? c.toUpperCase() : c.toLowerCase())).join(''));

/** A printable ASCII character as a Japanese IME gives it in full width (`A` → `Ａ`, space → `　`). */
const toFullWidth = (c: string) => (c === ' ' ? '\u3000' : c >= '!' && c <= '~' ? String.fromCharCode(c.charCodeAt(0) + 0xfee0) : c);

/** `value` with each character at random in half or full width (an IME switched on half-way). */
export const anyWidth = (value: string) =>
  fc
    .array(fc.boolean(), { minLength: value.length, maxLength: value.length })
    .map((flips) => [...value].map((c, i) => (flips[i] ? toFullWidth(c) : c)).join(''));

/** Blanks a merchant may leave around what they type: spaces, tabs, the ideographic space. */
export const blanks = fc.string({ unit: fc.constantFrom(' ', '\t', '\u3000'), maxLength: 3 });
