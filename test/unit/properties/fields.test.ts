/** Request fields as properties: whatever a client sends, a field answers, and in Japanese. */
import fc from 'fast-check';
import type * as z from 'zod/mini';
import {
  emailField,
  initialLoginIdField,
  loginIdField,
  newPasswordBody,
  passcodeField,
  passwordField,
  tokenField,
} from '../../../lambdas/http/fields';
import { anyWidth, JAPANESE, RUNS } from './settings';

const SCHEMAS: [string, z.ZodMiniType][] = [
  ['initialLoginIdField', initialLoginIdField('初回ログインID')],
  ['loginIdField', loginIdField('ログインID')],
  ['passwordField', passwordField('パスワード')],
  ['emailField', emailField],
  ['passcodeField', passcodeField],
  ['tokenField', tokenField],
  ['newPasswordBody', newPasswordBody],
];

/** What String.prototype.trim (and so zod's trim) removes, the ideographic space of a Japanese IME included. */
const blank = fc.string({ unit: fc.constantFrom(' ', '\t', '\n', '\r', '\u3000', '\u00a0', '\ufeff'), maxLength: 4 });
/** Anything JSON.parse can give, and a few things it cannot. */
const anyInput = fc.oneof(
  fc.jsonValue(),
  fc.anything({ withNullPrototype: true, withBigInt: true, withDate: true, withMap: true, withSet: true, withSparseArray: true }),
  fc.string({ unit: 'binary' }),
);

describe('request fields (properties)', () => {
  it.each(SCHEMAS)('%s never throws, and every refusal it gives is a Japanese sentence', (_name, schema) => {
    fc.assert(
      fc.property(anyInput, (value) => {
        const parsed = schema.safeParse(value);
        if (parsed.success) return;
        expect(parsed.error.issues.length).toBeGreaterThan(0);
        for (const issue of parsed.error.issues) expect(issue.message).toMatch(JAPANESE);
      }),
      RUNS,
    );
  });

  it.each([
    ['initialLoginIdField', initialLoginIdField('初回ログインID'), (s: string) => s.toUpperCase()],
    ['loginIdField', loginIdField('ログインID'), (s: string) => s.toLowerCase()],
  ])('%s is trimmed, made half width and one case, and accepted exactly when 1–254 characters remain', (_name, field, oneCase) => {
    fc.assert(
      fc.property(blank, fc.string({ unit: 'grapheme', maxLength: 300 }), blank, (before, value, after) => {
        const parsed = field.safeParse(`${before}${value}${after}`);
        const stored = oneCase(value.normalize('NFKC').trim());
        expect(parsed.success).toBe(stored.length >= 1 && stored.length <= 254);
        if (parsed.success) expect(parsed.data).toBe(stored);
      }),
      RUNS,
    );
  });

  it('a password is never trimmed: accepted as typed when 1–256 characters', () => {
    fc.assert(
      fc.property(blank, fc.string({ unit: 'binary', maxLength: 300 }), blank, (before, value, after) => {
        const typed = `${before}${value}${after}`;
        const parsed = passwordField('パスワード').safeParse(typed);
        expect(parsed.success).toBe(typed.length >= 1 && typed.length <= 256);
        if (parsed.success) expect(parsed.data).toBe(typed);
      }),
      RUNS,
    );
  });

  it('a passcode is six digits, half or full width, once trimmed; anything else gets the passcode message', () => {
    const sixDigits = fc.stringMatching(/^[0-9]{6}$/).chain(anyWidth);
    const other = fc.string({ unit: fc.constantFrom('0', '5', '9', '０', '９', '٣', 'a', ' ', '\u3000', '-', '\n'), maxLength: 9 });
    /** The digits the merchant meant: full-width ０–９ are 0–9 (and nothing else is a digit). */
    const halfWidth = (s: string) => s.replace(/[０-９]/g, (d) => String(d.charCodeAt(0) - 0xff10));
    fc.assert(
      fc.property(blank, fc.oneof(sixDigits, other), blank, (before, value, after) => {
        const parsed = passcodeField.safeParse(`${before}${value}${after}`);
        const meant = halfWidth(value).trim();
        const ok = /^[0-9]{6}$/.test(meant);
        expect(parsed.success).toBe(ok);
        if (parsed.success) expect(parsed.data).toBe(meant);
        else expect(parsed.error.issues[0]!.message).toBe('パスコードは6桁の数字で入力してください。');
      }),
      RUNS,
    );
  });

  it('an email is trimmed and made half width before it is judged, so blanks round a valid address or full width never refuse it', () => {
    fc.assert(
      fc.property(
        blank,
        fc.emailAddress().chain((email) => fc.tuple(fc.constant(email), anyWidth(email))),
        blank,
        (before, [email, typed], after) => {
          fc.pre(emailField.safeParse(email).success);
          expect(emailField.parse(`${before}${typed}${after}`)).toBe(email.toLowerCase());
        },
      ),
      RUNS,
    );
  });

  it('a token is taken as sent (no trim), 1–128 characters', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (token) => {
        const parsed = tokenField.safeParse(token);
        expect(parsed.success).toBe(token.length >= 1 && token.length <= 128);
        if (parsed.success) expect(parsed.data).toBe(token);
      }),
      RUNS,
    );
  });
});
