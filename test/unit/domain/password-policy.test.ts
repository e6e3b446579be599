import {
  ALLOWED_SYMBOLS,
  evaluatePassword,
  MAX_LENGTH,
  MIN_LENGTH,
  passwordViolations,
  RULE_MESSAGES,
  type PasswordContext,
  type PasswordRule,
} from '../../../lambdas/domain/password-policy';

/** A password that meets every rule: 12 characters, each class, nothing common or personal. */
const STRONG = 'Vt4!rW9q]Zm2';
/** Long enough to cut any length from; every prefix of 4 or more has all four classes. */
const FILLER = 'Vt4!rW9q]Zm2pX8(Lm3^Rt6{Hs5~Jd7kQ2)';

/** The guide's symbols, written out here from docs/design.md rather than taken from the module. */
const GUIDE_SYMBOLS = [
  '!',
  '#',
  '%',
  '&',
  '+',
  '-',
  '.',
  ':',
  '=',
  '?',
  '[',
  ']',
  '_',
  '"',
  '$',
  "'",
  '(',
  ')',
  '*',
  ';',
  '<',
  '>',
  '@',
  '\\',
  '^',
  '`',
  '{',
  '}',
  '|',
  '~',
];

function judged(password: string, rule: PasswordRule, context?: PasswordContext): boolean | undefined {
  return evaluatePassword(password, context).find((r) => r.rule === rule)?.met;
}

const rulesBroken = (password: string, context?: PasswordContext) => passwordViolations(password, context).map((v) => v.rule);

describe('password policy', () => {
  it('accepts a strong password with no violation', () => {
    // Prepare
    const password = STRONG;

    // Act
    const violations = passwordViolations(password);

    // Assess
    expect(violations).toEqual([]);
  });

  it('lists every rule in the order the form shows them, confirmation last', () => {
    // Act
    const rules = evaluatePassword(STRONG, { confirmation: STRONG }).map((r) => r.rule);

    // Assess
    expect(rules).toEqual(['length', 'upper', 'lower', 'digit', 'symbol', 'allowedCharacters', 'notPersonal', 'notCommon', 'confirmation']);
  });

  describe('length: 12 to 30 characters', () => {
    it.each([
      [11, false],
      [12, true],
      [30, true],
      [31, false],
    ])('a password of %i characters meets the length rule: %s', (length, met) => {
      // Prepare
      const password = FILLER.slice(0, length);
      expect(password).toHaveLength(length);

      // Act
      const broken = rulesBroken(password);

      // Assess
      expect(broken).toEqual(met ? [] : ['length']);
    });

    it('states the bounds the guide gives', () => {
      expect([MIN_LENGTH, MAX_LENGTH]).toEqual([12, 30]);
    });
  });

  describe('character classes', () => {
    it.each([
      ['upper', 'vt4!rw9q]zm2'],
      ['lower', 'VT4!RW9Q]ZM2'],
      ['digit', 'Vtx!rWyq]Zmk'],
      ['symbol', 'Vt4xrW9qkZm2'],
    ] as const)('a password without any %s character breaks exactly that rule', (rule, password) => {
      // Act
      const broken = rulesBroken(password);

      // Assess
      expect(broken).toEqual([rule]);
    });

    it('reports every missing class at once', () => {
      // Act
      const broken = rulesBroken('abcdefghijkm');

      // Assess
      expect(broken).toEqual(expect.arrayContaining(['upper', 'digit', 'symbol']));
      expect(broken).not.toContain('lower');
    });
  });

  describe('allowed symbols', () => {
    it('allows exactly the symbols of the guide', () => {
      expect([...ALLOWED_SYMBOLS].sort()).toEqual([...GUIDE_SYMBOLS].sort());
    });

    it.each(GUIDE_SYMBOLS.map((symbol) => [JSON.stringify(symbol), symbol]))('accepts the symbol %s', (_label, symbol) => {
      // Prepare
      const password = `Vt4rW9qZm2p${symbol}`;

      // Act
      const broken = rulesBroken(password);

      // Assess
      expect(broken).toEqual([]);
    });
  });

  describe('forbidden characters', () => {
    it.each([
      ['a space', ' '],
      ['a comma', ','],
      ['a slash', '/'],
      ['a full-width letter', 'Ａ'],
      ['a full-width lower-case letter', 'ｚ'],
      ['a full-width digit', '１'],
      ['a full-width symbol', '！'],
      ['the yen sign U+00A5', '\u00a5'],
      ['an emoji', '😀'],
      ['a hiragana', 'あ'],
      ['a tab', '\t'],
      ['a line break', '\n'],
    ])('refuses %s', (_label, character) => {
      // Prepare
      const password = `${STRONG}${character}`;

      // Act
      const broken = rulesBroken(password);

      // Assess
      expect(broken).toEqual(['allowedCharacters']);
    });

    it('does not count a forbidden character as the required symbol', () => {
      // Act
      const broken = rulesBroken('Vt4rW9qZm2p/');

      // Assess
      expect(broken).toEqual(['symbol', 'allowedCharacters']);
    });

    it('does not count full-width letters and digits as the required classes', () => {
      // Act
      const broken = rulesBroken('ＶＴ４!ab#cd?ef');

      // Assess
      expect(broken).toEqual(expect.arrayContaining(['upper', 'digit', 'allowedCharacters']));
    });
  });

  describe('not personal', () => {
    it('refuses a password containing the email local part, whatever its case', () => {
      // Act
      const broken = rulesBroken('Yamada.TARO#24', { email: 'yamada.taro@example.com' });

      // Assess
      expect(broken).toEqual(['notPersonal']);
    });

    it('refuses a password containing the login ID, whatever its case', () => {
      // Act
      const broken = rulesBroken('Xy!m20250401Q', { loginId: 'M20250401' });

      // Assess
      expect(broken).toEqual(['notPersonal']);
    });

    it('judges a part of exactly 3 characters', () => {
      expect(judged('Vt4!KEIrW9qZ', 'notPersonal', { email: 'kei@example.com' })).toBe(false);
    });

    it('ignores parts shorter than 3 characters', () => {
      // Prepare
      const context = { email: 'vt@example.com', loginId: 'Zm' };

      // Act
      const met = judged(STRONG, 'notPersonal', context);

      // Assess
      expect(met).toBe(true);
    });

    it('does not forbid the email domain', () => {
      expect(judged('Example!2x9Qk', 'notPersonal', { email: 'hanako@example.com' })).toBe(true);
    });

    it('is met when no email or login ID is known', () => {
      expect(judged(STRONG, 'notPersonal')).toBe(true);
    });
  });

  describe('not common', () => {
    it.each(['Password123!', 'P@ssw0rd2024#', 'Qwerty123456!', 'Welcome2025!'])('refuses the well-known %s', (password) => {
      // Act
      const broken = rulesBroken(password);

      // Assess
      expect(broken).toEqual(['notCommon']);
    });

    it.each([STRONG, 'Kx7#mQ2$vLp9', 'Qz8(Lm3^Rt6{'])('accepts the random %s', (password) => {
      expect(judged(password, 'notCommon')).toBe(true);
    });
  });

  describe('confirmation', () => {
    it('is not judged when no confirmation is given', () => {
      // Act
      const rules = evaluatePassword(STRONG).map((r) => r.rule);

      // Assess
      expect(rules).not.toContain('confirmation');
    });

    it('is met when the confirmation is the same password', () => {
      expect(judged(STRONG, 'confirmation', { confirmation: STRONG })).toBe(true);
    });

    it.each([
      ['different', 'Vt4!rW9q]Zm3'],
      ['empty', ''],
    ])('is broken when the confirmation is %s', (_label, confirmation) => {
      expect(rulesBroken(STRONG, { confirmation })).toEqual(['confirmation']);
    });
  });

  describe('messages', () => {
    it.each([
      ['length', '12文字以上30文字以下'],
      ['upper', '大文字'],
      ['lower', '小文字'],
      ['digit', '数字'],
      ['symbol', '記号'],
      ['allowedCharacters', '使用できない文字'],
      ['notPersonal', 'メールアドレスやログインID'],
      ['notCommon', '推測されやすい'],
      ['confirmation', '確認用'],
      ['history', '過去4つ前'],
    ] as const)('names the %s rule in Japanese', (rule, words) => {
      expect(RULE_MESSAGES[rule]).toContain(words);
      expect(RULE_MESSAGES[rule]).toMatch(/[ぁ-んァ-ヶ一-龠]/);
    });

    it('gives each broken rule its own message', () => {
      // Act
      const violations = passwordViolations('short', { confirmation: 'other' });

      // Assess
      for (const violation of violations) expect(violation.message).toBe(RULE_MESSAGES[violation.rule]);
      expect(new Set(violations.map((v) => v.message)).size).toBe(violations.length);
    });
  });
});
