import { asTyped } from './typed-text';

/**
 * The one form an email is stored, compared and keyed (locks, mail rate) in: NFKC, trimmed, lower
 * case. Every place that takes an address from outside goes through it, so a look-up, a lock or a
 * limit never misses because of how the address was typed.
 */
export const canonicalEmail = (typed: string): string => asTyped(typed).toLowerCase();
