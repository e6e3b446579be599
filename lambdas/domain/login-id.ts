/**
 * Login IDs printed on the letters: 4–32 half-width letters, digits, `-` or `_`, starting with a
 * letter or digit. Never an email, so a letter's ID and a registered email cannot be confused.
 */
const LOGIN_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_-]{3,31}$/;

export function isLoginId(value: string): boolean {
  return LOGIN_ID_PATTERN.test(value);
}
