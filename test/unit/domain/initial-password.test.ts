import { INITIAL_PASSWORD_LENGTH, newInitialPassword } from '../../../lambdas/domain/initial-password';
import { evaluatePassword } from '../../../lambdas/domain/password-policy';
import { ScriptedRandom, SeededRandom } from '../fakes/random';

const AMBIGUOUS = /[0Oo1lI]/;
const CLASS_RULES = ['length', 'upper', 'lower', 'digit', 'symbol', 'allowedCharacters'];

describe('initial password', () => {
  const passwords = (() => {
    const random = new SeededRandom('letters');
    return Array.from({ length: 300 }, () => newInitialPassword(random));
  })();

  it(`is ${INITIAL_PASSWORD_LENGTH} characters long`, () => {
    expect(INITIAL_PASSWORD_LENGTH).toBe(14);
    for (const password of passwords) expect(password).toHaveLength(14);
  });

  it('contains an upper-case letter, a lower-case letter, a digit and a symbol', () => {
    for (const password of passwords) {
      expect(password).toMatch(/[A-Z]/);
      expect(password).toMatch(/[a-z]/);
      expect(password).toMatch(/\d/);
      expect(password).toMatch(/[^A-Za-z0-9]/);
    }
  });

  it('uses no character that is ambiguous on paper (0 O o 1 l I)', () => {
    for (const password of passwords) expect(password).not.toMatch(AMBIGUOUS);
  });

  it("meets the policy's length and character rules", () => {
    for (const password of passwords) {
      // Act
      const results = evaluatePassword(password).filter((r) => CLASS_RULES.includes(r.rule));

      // Assess
      expect(results.filter((r) => !r.met)).toEqual([]);
    }
  });

  it('keeps every class even when the random source always answers the first letter', () => {
    // Prepare
    const random = new ScriptedRandom([0]);

    // Act
    const password = newInitialPassword(random);

    // Assess
    expect(password).toHaveLength(14);
    expect(evaluatePassword(password).filter((r) => CLASS_RULES.includes(r.rule) && !r.met)).toEqual([]);
  });

  it('does not always put the symbol in the same place', () => {
    // Act
    const positions = new Set(passwords.map((p) => p.search(/[^A-Za-z0-9]/)));

    // Assess
    expect(positions.size).toBeGreaterThan(5);
  });

  it('differs from letter to letter', () => {
    expect(new Set(passwords).size).toBe(passwords.length);
  });
});
