/**
 * Emails as the product compares them: one canonical form (NFKC, trimmed, lower case:
 * canonicalEmail), given by the fields, each use case, the lockout and mail-rate keys and ops.
 * However a merchant types an address — any case, full width from an IME, blanks around — every
 * place must arrive at the same text, or a lock, a limit or a look-up would miss.
 */
import fc from 'fast-check';
import { lockoutKey } from '../../../lambdas/domain/lockout';
import { mailKeys } from '../../../lambdas/domain/mail-rate';
import { canonicalEmail } from '../../../lambdas/domain/email-address';
import { emailField, loginIdField } from '../../../lambdas/http/fields';
import { oneAccountRef } from '../../../ops/account-ref';
import { anyCase, anyWidth, blanks, RUNS } from './settings';

const validEmail = fc.emailAddress().filter((email) => emailField.safeParse(email).success);
/** One address as stored, and as a merchant might type it: any case and width, blanks around. */
const typedEmail = validEmail.chain((email) =>
  fc.tuple(
    fc.constant(email.toLowerCase()),
    fc.tuple(blanks, anyCase(email).chain(anyWidth), blanks).map(([a, e, b]) => `${a}${e}${b}`),
  ),
);

/** What registration, password reset and email change store and look up: the field's value, in the use case's form. */
const asRequested = (typed: string) => canonicalEmail(emailField.parse(typed));
/** What the login looks up: its ログインID field's value, in the use case's form. */
const asLoggedIn = (typed: string) => canonicalEmail(loginIdField('ログインID').parse(typed));

describe('email normalisation (properties)', () => {
  it('gives the stored address from any casing, width and blanks, in the request and the login paths alike', () => {
    fc.assert(
      fc.property(typedEmail, ([stored, typed]) => {
        expect(asRequested(typed)).toBe(stored);
        expect(asLoggedIn(typed)).toBe(stored);
      }),
      RUNS,
    );
  });

  it('keys the login lock and the mail rate on the same address however it was typed', () => {
    fc.assert(
      fc.property(typedEmail, ([stored, typed]) => {
        expect(lockoutKey('login', asLoggedIn(typed))).toBe(lockoutKey('login', stored));
        expect(mailKeys.address(asRequested(typed))).toBe(mailKeys.address(stored));
      }),
      RUNS,
    );
  });

  it('lets ops name an account by its email in any case and width', () => {
    fc.assert(
      fc.property(
        validEmail.chain((email) => fc.tuple(fc.constant(email.toLowerCase()), anyCase(email).chain(anyWidth))),
        ([stored, typed]) => {
          expect(oneAccountRef('status', [typed])).toEqual({ email: stored });
        },
      ),
      RUNS,
    );
  });

  it('is idempotent, and an accepted address is ASCII and already in its stored form', () => {
    const tricky = fc.string({
      unit: fc.constantFrom('a', 'B', '.', '@', 'İ', 'K', 'ß', 'Σ', 'co', 'jp', '-', '_', '+', 'Ａ', '＠', '．', 'ｊｐ', '\u3000'),
      maxLength: 16,
    });
    fc.assert(
      fc.property(fc.oneof(validEmail, tricky), (value) => {
        const parsed = emailField.safeParse(value);
        fc.pre(parsed.success);
        const lowered = asRequested(value);
        expect(lowered).toMatch(/^[\x21-\x7e]+$/);
        expect(lowered).toBe(parsed.data);
        expect(asRequested(lowered)).toBe(lowered);
      }),
      RUNS,
    );
  });
});
