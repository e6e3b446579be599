import { asTyped } from './typed-text';

/**
 * Login IDs printed on the letters: 4–32 half-width letters, digits, `-` or `_`, starting with a
 * letter or digit. Never an email, so a letter's ID and a registered email cannot be confused.
 */
const LOGIN_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_-]{3,31}$/;

export function isLoginId(value: string): boolean {
  return LOGIN_ID_PATTERN.test(value);
}

/**
 * The one form a login ID is stored and looked up in: NFKC, trimmed, upper case. IDs are unique
 * ignoring case, so `demo0001` and `ＤＥＭＯ０００１` typed from the letter are DEMO0001.
 */
export const canonicalLoginId = (typed: string): string => asTyped(typed).toUpperCase();
