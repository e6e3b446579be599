/** The password policy as properties: what any password of a given shape gets from it. */
import fc from 'fast-check';
import { isCommonPassword } from '../../../lambdas/domain/common-passwords';
import {
  ALLOWED_SYMBOLS,
  evaluatePassword,
  MAX_LENGTH,
  MIN_LENGTH,
  type PasswordRule,
  passwordViolations,
  RULE_MESSAGES,
} from '../../../lambdas/domain/password-policy';
import { anyCase, charOf, RUNS } from './settings';

const UPPER = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const LOWER = 'abcdefghijklmnopqrstuvwxyz';
const DIGITS = '0123456789';
const ALLOWED = UPPER + LOWER + DIGITS + ALLOWED_SYMBOLS;

const allowedChar = charOf(ALLOWED);
const rulesOf = (password: string, context = {}) => passwordViolations(password, context).map((v) => v.rule);

/** `length` allowed characters with one of each class at a random place. */
const fourClassPassword = (minLength = MIN_LENGTH, maxLength = MAX_LENGTH) =>
  fc
    .tuple(
      fc.array(allowedChar, { minLength, maxLength }),
      fc.tuple(charOf(UPPER), charOf(LOWER), charOf(DIGITS), charOf(ALLOWED_SYMBOLS)),
      fc.nat(),
    )
    .map(([chars, classes, offset]) => {
      const out = [...chars];
      classes.forEach((c, k) => {
        out[(offset + k) % out.length] = c;
      });
      return out.join('');
    });

/** A character a merchant might type that the policy does not allow: full-width, spaces, kana, emoji, controls. */
const foreignChar = fc
  .oneof(
    fc.constantFrom(' ', '\t', '\n', '\u3000', '，', 'Ａ', '１', '＠', 'あ', 'ア', '漢', '¥', '€', '😀', '\u0000', '\u200b', ',', '/'),
    fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }),
  )
  .filter((c) => ![...c].every((x) => ALLOWED.includes(x)));

describe('password policy (properties)', () => {
  it('accepts any allowed-character password of 12–30 with all four classes, unless it is a common one', () => {
    fc.assert(
      fc.property(fourClassPassword(), (password) => {
        const rules = rulesOf(password);
        expect(rules).toEqual(isCommonPassword(password) ? ['notCommon'] : []);
      }),
      RUNS,
    );
  });

  it('accepts it with an email and login ID that it does not contain', () => {
    fc.assert(
      fc.property(
        fourClassPassword(),
        fc.emailAddress(),
        fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9_-]{3,31}$/),
        (password, email, loginId) => {
          const lowered = password.toLowerCase();
          fc.pre(!lowered.includes(email.split('@')[0]!.toLowerCase()) && !lowered.includes(loginId.toLowerCase()));
          expect(rulesOf(password, { email, loginId })).not.toContain('notPersonal');
        },
      ),
      RUNS,
    );
  });

  it('refuses any password holding its login ID or email local part (3+ characters), in any case', () => {
    const part = fc.stringMatching(/^[a-z0-9][a-z0-9._-]{2,11}$/);
    fc.assert(
      fc.property(
        part.chain((p) => fc.tuple(fc.constant(p), anyCase(p))),
        fc.string({ maxLength: 10 }),
        fc.string({ maxLength: 10 }),
        fc.boolean(),
        ([value, typed], before, after, asEmail) => {
          const password = `${before}${typed}${after}`;
          const context = asEmail ? { email: `${value}@example.co.jp` } : { loginId: value };
          expect(rulesOf(password, context)).toContain('notPersonal');
        },
      ),
      RUNS,
    );
  });

  it('refuses any password with a character outside the allowed set, naming that rule', () => {
    fc.assert(
      fc.property(fourClassPassword(MIN_LENGTH, MAX_LENGTH - 2), foreignChar, fc.nat(), (password, foreign, at) => {
        const chars = [...password];
        chars.splice(at % (chars.length + 1), 0, foreign);
        const violations = passwordViolations(chars.join(''));
        const refusal = violations.find((v) => v.rule === 'allowedCharacters');
        expect(refusal?.message).toBe(RULE_MESSAGES.allowedCharacters);
      }),
      RUNS,
    );
  });

  it('judges length by characters: met exactly from 12 to 30', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2 * MAX_LENGTH }),
        fc.array(allowedChar, { minLength: 2 * MAX_LENGTH, maxLength: 2 * MAX_LENGTH }),
        (n, pool) => {
          const password = pool.slice(0, n).join('');
          expect(rulesOf(password).includes('length')).toBe(n < MIN_LENGTH || n > MAX_LENGTH);
        },
      ),
      RUNS,
    );
  });

  it('at the bounds: 11 and 31 characters are refused for length only, 12 and 30 pass it', () => {
    fc.assert(
      fc.property(fourClassPassword(MAX_LENGTH + 1, MAX_LENGTH + 1), (long) => {
        const atMost = (n: number) => [...long].slice(0, n).join('');
        expect(rulesOf(long).filter((r) => r !== 'notCommon')).toEqual(['length']);
        expect(rulesOf(atMost(MAX_LENGTH))).not.toContain('length');
        expect(rulesOf(atMost(MIN_LENGTH))).not.toContain('length');
        expect(rulesOf(atMost(MIN_LENGTH - 1))).toContain('length');
      }),
      RUNS,
    );
  });

  it('names each missing class, and only the missing ones', () => {
    const classes: [PasswordRule, string][] = [
      ['upper', UPPER],
      ['lower', LOWER],
      ['digit', DIGITS],
      ['symbol', ALLOWED_SYMBOLS],
    ];
    fc.assert(
      fc.property(fourClassPassword(), fc.subarray(classes, { minLength: 1, maxLength: 3 }), (password, dropped) => {
        const without = [...password].filter((c) => !dropped.some(([, set]) => set.includes(c))).join('');
        const rules = rulesOf(without);
        for (const [rule, set] of classes) expect(rules.includes(rule)).toBe(![...without].some((c) => set.includes(c)));
      }),
      RUNS,
    );
  });

  it('is what the browser checklist and the server both read: every rule listed, in order, and a verdict that agrees', () => {
    const ORDER: PasswordRule[] = ['length', 'upper', 'lower', 'digit', 'symbol', 'allowedCharacters', 'notPersonal', 'notCommon'];
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), fc.option(fc.string({ maxLength: 40 }), { nil: undefined }), (password, confirmation) => {
        const checklist = evaluatePassword(password, { confirmation });
        expect(checklist.map((r) => r.rule)).toEqual(confirmation === undefined ? ORDER : [...ORDER, 'confirmation']);
        for (const item of checklist) expect(item.message).toBe(RULE_MESSAGES[item.rule]);
        // The server refuses exactly what the checklist shows unmet, and asking twice changes nothing.
        expect(passwordViolations(password, { confirmation })).toEqual(checklist.filter((r) => !r.met));
        expect(evaluatePassword(password, { confirmation })).toEqual(checklist);
      }),
      RUNS,
    );
  });

  it('refuses a confirmation that differs, and only then', () => {
    fc.assert(
      fc.property(fourClassPassword(), fc.string({ maxLength: 30 }), (password, other) => {
        expect(rulesOf(password, { confirmation: password })).not.toContain('confirmation');
        if (other !== password) expect(rulesOf(password, { confirmation: other })).toContain('confirmation');
      }),
      RUNS,
    );
  });
});
