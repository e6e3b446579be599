/**
 * Emails as the product compares them: trimmed (by the field) and lower-cased (by each use case,
 * the lockout and mail-rate keys and ops). However a merchant types an address, every place must
 * arrive at the same text, or a lock, a limit or a look-up would miss.
 */
import fc from 'fast-check';
import { lockoutKey } from '../../../lambdas/domain/lockout';
import { mailKeys } from '../../../lambdas/domain/mail-rate';
import { emailField } from '../../../lambdas/http/fields';
import { oneAccountRef } from '../../../ops/account-ref';
import { anyCase, RUNS } from './settings';

const blank = fc.string({ unit: fc.constantFrom(' ', '\t', '\u3000'), maxLength: 3 });
const validEmail = fc.emailAddress().filter((email) => emailField.safeParse(email).success);
/** One address as stored, and as a merchant might type it: any case, blanks around. */
const typedEmail = validEmail.chain((email) =>
  fc.tuple(
    fc.constant(email.toLowerCase()),
    fc.tuple(blank, anyCase(email), blank).map(([a, e, b]) => `${a}${e}${b}`),
  ),
);

/** What registration, password reset and email change store and look up: the field's value, lower-cased. */
const asRequested = (typed: string) => emailField.parse(typed).toLowerCase();
/** What the login looks up (its field is the login ID's, which only trims). */
const asLoggedIn = (typed: string) => typed.trim().toLowerCase();

describe('email normalisation (properties)', () => {
  it('gives the stored address from any casing and blanks, in the request and the login paths alike', () => {
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
        expect(lockoutKey('login', typed)).toBe(lockoutKey('login', stored));
        expect(mailKeys.address(emailField.parse(typed))).toBe(mailKeys.address(stored));
      }),
      RUNS,
    );
  });

  it('lets ops name an account by its email in any case', () => {
    fc.assert(
      fc.property(
        validEmail.chain((email) => fc.tuple(fc.constant(email.toLowerCase()), anyCase(email))),
        ([stored, typed]) => {
          expect(oneAccountRef('status', [typed])).toEqual({ email: stored });
        },
      ),
      RUNS,
    );
  });

  it('is idempotent, and an accepted address stays ASCII and accepted once lower-cased', () => {
    const tricky = fc.string({ unit: fc.constantFrom('a', 'B', '.', '@', 'İ', 'K', 'ß', 'Σ', 'co', 'jp', '-', '_', '+'), maxLength: 16 });
    fc.assert(
      fc.property(fc.oneof(validEmail, tricky), (value) => {
        const parsed = emailField.safeParse(value);
        fc.pre(parsed.success);
        const lowered = asRequested(value);
        expect(lowered).toMatch(/^[\x21-\x7e]+$/);
        expect(lowered.length).toBe(parsed.data!.length);
        expect(asRequested(lowered)).toBe(lowered);
      }),
      RUNS,
    );
  });
});
