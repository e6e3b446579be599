/**
 * Login IDs as properties: 4–32 of [A-Za-z0-9_-], starting with a letter or digit, never an email;
 * unique ignoring case, stored in one form (half width, upper case) however the letter's ID is typed.
 */
import fc from 'fast-check';
import { canonicalLoginId, isLoginId } from '../../../lambdas/domain/login-id';
import { initialLoginIdField } from '../../../lambdas/http/fields';
import { anyCase, anyWidth, blanks, charOf, RUNS } from './settings';

const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const REST = `${ALNUM}_-`;

const loginId = (minRest = 3, maxRest = 31) =>
  fc.tuple(charOf(ALNUM), fc.array(charOf(REST), { minLength: minRest, maxLength: maxRest })).map(([first, rest]) => first + rest.join(''));

describe('login ID (properties)', () => {
  it('accepts any ID of 4–32 allowed characters that starts with a letter or digit', () => {
    fc.assert(
      fc.property(loginId(), (id) => expect(isLoginId(id)).toBe(true)),
      RUNS,
    );
  });

  it('refuses 3 or 33+ characters', () => {
    fc.assert(
      fc.property(fc.oneof(loginId(0, 2), loginId(32, 60)), (id) => expect(isLoginId(id)).toBe(false)),
      RUNS,
    );
  });

  it('refuses an ID that starts with - or _', () => {
    fc.assert(
      fc.property(charOf('-_'), fc.array(charOf(REST), { minLength: 3, maxLength: 31 }), (first, rest) => {
        expect(isLoginId(first + rest.join(''))).toBe(false);
      }),
      RUNS,
    );
  });

  it('refuses any ID with one foreign character anywhere, a trailing line break or blank included', () => {
    const foreign = fc
      .oneof(
        fc.constantFrom('@', '.', ' ', '\n', '\r', '\t', 'Ａ', '０', 'ー', '\u0000', 'é'),
        fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }),
      )
      .filter((c) => !REST.includes(c));
    fc.assert(
      fc.property(loginId(3, 30), foreign, fc.nat(), (id, c, at) => {
        const i = at % (id.length + 1);
        expect(isLoginId(id.slice(0, i) + c + id.slice(i))).toBe(false);
      }),
      RUNS,
    );
  });

  it('is never an email, so a letter ID and a registered email cannot be confused', () => {
    fc.assert(
      fc.property(fc.emailAddress(), (email) => expect(isLoginId(email)).toBe(false)),
      RUNS,
    );
  });

  it('stores an ID typed in any case and width, with blanks around, as its upper-case half-width form', () => {
    const typed = loginId().chain((id) =>
      fc.tuple(
        fc.constant(id.toUpperCase()),
        fc.tuple(blanks, anyCase(id).chain(anyWidth), blanks).map(([a, t, b]) => `${a}${t}${b}`),
      ),
    );
    fc.assert(
      fc.property(typed, ([stored, typedId]) => {
        expect(canonicalLoginId(typedId)).toBe(stored);
        expect(initialLoginIdField('初回ログインID').parse(typedId)).toBe(stored);
        expect(isLoginId(canonicalLoginId(typedId))).toBe(true);
      }),
      RUNS,
    );
  });

  it('gives two IDs one stored form exactly when they differ only by case, so case cannot make a second account', () => {
    fc.assert(
      fc.property(loginId(), loginId(), (a, b) => {
        expect(canonicalLoginId(a) === canonicalLoginId(b)).toBe(a.toLowerCase() === b.toLowerCase());
        expect(canonicalLoginId(canonicalLoginId(a))).toBe(canonicalLoginId(a));
      }),
      RUNS,
    );
  });
});
