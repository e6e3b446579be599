import { canonicalAuthenticatorCode, canonicalPasscode } from '../../../lambdas/domain/typed-codes';
import { asTyped } from '../../../lambdas/domain/typed-text';

describe('text as typed', () => {
  it('makes full width half and drops the blanks around, the ideographic space included', () => {
    expect(asTyped('\u3000ＡＢＣ　ｄｅｆ １２３＠．－ \t')).toBe('ABC def 123@.-');
  });

  it('leaves kana, kanji and half-width text alone', () => {
    expect(asTyped('株式会社デモ abc-123')).toBe('株式会社デモ abc-123');
  });
});

describe('typed codes', () => {
  it.each([
    ['as mailed', '012345', '012345'],
    ['full-width (IME)', '０１２３４５', '012345'],
    ['with blanks around', ' 012345\t', '012345'],
    ['full-width with full-width spaces around', '\u3000０１２３４５\u3000', '012345'],
  ])('takes a passcode typed %s as %j', (_label, typed, checked) => {
    expect(canonicalPasscode(typed)).toBe(checked);
  });

  it('keeps what is not a digit, for the format check to refuse', () => {
    expect(canonicalPasscode('０１２　３４５')).toBe('012 345');
    expect(canonicalPasscode('12345a')).toBe('12345a');
  });

  it.each([
    ['as the app shows it', '123 456', '123456'],
    ['full-width', '１２３４５６', '123456'],
    ['full-width, with the full-width space apps show mid-code', '１２３\u3000４５６', '123456'],
    ['with blanks around', '\u3000123456 ', '123456'],
  ])('takes an authenticator code typed %s as %j', (_label, typed, checked) => {
    expect(canonicalAuthenticatorCode(typed)).toBe(checked);
  });
});
