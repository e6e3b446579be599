import type * as z from 'zod/mini';
import { LETTER_ID_HINT_MESSAGE } from '../../../lambdas/domain/letter-id-hint';
import {
  authenticatorCodeField,
  emailField,
  initialLoginIdField,
  loginBody,
  loginIdField,
  passcodeField,
  passwordField,
  recoveryCodeField,
  tokenField,
} from '../../../lambdas/http/fields';

function messageOf(schema: z.ZodMiniType, value: unknown): string | undefined {
  const parsed = schema.safeParse(value);
  return parsed.success ? undefined : parsed.error.issues[0].message;
}

describe('input fields', () => {
  it.each([
    ['missing', undefined],
    ['empty', ''],
    ['blank', '   '],
    ['full-width blank', '\u3000\u3000'],
  ])('asks for a %s login ID in Japanese, by its label', (_label, value) => {
    expect(messageOf(initialLoginIdField('初回ログインID'), value)).toBe('初回ログインIDを入力してください。');
    expect(messageOf(loginIdField('ログインID'), value)).toBe('ログインIDを入力してください。');
  });

  it.each([
    ['  M20250401 ', 'M20250401'],
    ['m20250401', 'M20250401'],
    ['ＤＥＭＯ０００１', 'DEMO0001'],
    ['\u3000ｄｅｍｏ０００１\u3000', 'DEMO0001'],
  ])("takes the letter's ID %j as the stored %j", (typed, stored) => {
    expect(initialLoginIdField('初回ログインID').parse(typed)).toBe(stored);
  });

  it.each([
    [' Taro@Example.com ', 'taro@example.com'],
    ['ｔａｒｏ＠ｅｘａｍｐｌｅ．ｃｏｍ', 'taro@example.com'],
    ['\u3000ＴＡＲＯ＠ｅｘａｍｐｌｅ．ｃｏｍ\u3000', 'taro@example.com'],
  ])("takes the login's ID (the registered email) %j as the stored %j", (typed, stored) => {
    expect(loginIdField('ログインID').parse(typed)).toBe(stored);
  });

  it('never trims a password: a space is for the policy to judge', () => {
    expect(passwordField('パスワード').parse(' Vt4!rW9q]Zm2 ')).toBe(' Vt4!rW9q]Zm2 ');
  });

  it('never makes a full-width password half width, nor a full-width space a blank: the policy judges it as typed', () => {
    expect(passwordField('パスワード').parse('\u3000Ｖｔ４！ｒＷ９ｑ］Ｚｍ２')).toBe('\u3000Ｖｔ４！ｒＷ９ｑ］Ｚｍ２');
  });

  it('asks for a missing password by its label', () => {
    expect(messageOf(passwordField('新パスワード(確認用)'), '')).toBe('新パスワード(確認用)を入力してください。');
  });

  it('refuses an over-long password', () => {
    expect(messageOf(passwordField('パスワード'), 'a'.repeat(257))).toBe('パスワードが長すぎます。');
  });

  it.each([
    ['hanako@example.com', undefined],
    ['not-an-email', 'メールアドレスの形式が正しくありません。'],
    ['', 'メールアドレスを入力してください。'],
    ['\u3000', 'メールアドレスを入力してください。'],
    ['ｔａｒｏ＠ｅｘａｍｐｌｅ．ｃｏｍ', undefined],
    ['taro\u3000@example.com', 'メールアドレスの形式が正しくありません。'],
  ])('judges the email %j', (value, message) => {
    expect(messageOf(emailField, value)).toBe(message);
  });

  describe('the login body', () => {
    const problems = (loginId: unknown) => {
      const parsed = loginBody.safeParse({ loginId, password: 'Wrong#Password1' });
      return parsed.success ? [] : parsed.error.issues.map((issue) => [issue.path.join('.'), issue.message]);
    };

    it.each(['DEMO0001', 'M20250401', 'SHOP-0001', 'hanako', 'hanako@example', 'hanako@example.c'])(
      'refuses %j, no email address, with the way to 初回ログイン',
      (loginId) => {
        expect(problems(loginId)).toEqual([['loginId', LETTER_ID_HINT_MESSAGE]]);
      },
    );

    it('takes a registered-looking email, trimmed', () => {
      expect(loginBody.parse({ loginId: ' hanako@example.com ', password: 'x' })).toEqual({ loginId: 'hanako@example.com', password: 'x' });
    });

    it('still asks for an empty login ID first', () => {
      expect(problems('  ')).toEqual([['loginId', 'ログインIDを入力してください。']]);
    });
  });

  it.each([
    ['Hanako@Example.COM', 'hanako@example.com'],
    ['ｈａｎａｋｏ＠ｅｘａｍｐｌｅ．ｃｏｍ', 'hanako@example.com'],
    ['\u3000 ＨＡＮＡＫＯ＠ｅｘａｍｐｌｅ．ｃｏｍ \u3000', 'hanako@example.com'],
  ])('takes the email %j as the stored %j', (typed, stored) => {
    expect(emailField.parse(typed)).toBe(stored);
  });

  it.each([
    ['012345', undefined],
    [' 012345 ', undefined],
    ['12345', 'パスコードは6桁の数字で入力してください。'],
    ['１２３４５６', undefined],
    ['\u3000１２３４５６\u3000', undefined],
    ['１２３　４５６', 'パスコードは6桁の数字で入力してください。'],
    ['12345a', 'パスコードは6桁の数字で入力してください。'],
    ['١٢٣٤٥٦', 'パスコードは6桁の数字で入力してください。'],
  ])('judges the passcode %j', (value, message) => {
    expect(messageOf(passcodeField, value)).toBe(message);
  });

  it('gives a full-width passcode as the six digits mailed', () => {
    expect(passcodeField.parse('\u3000０１２３４５ ')).toBe('012345');
  });

  it.each([
    ['123 456', '123456'],
    ['１２３４５６', '123456'],
    ['\u3000１２３\u3000４５６\u3000', '123456'],
  ])('takes the authenticator code %j as %j', (typed, checked) => {
    expect(authenticatorCodeField.parse(typed)).toBe(checked);
  });

  it('takes a recovery code in full width as half width, blanks around dropped', () => {
    expect(recoveryCodeField.parse('\u3000ａｂｃｄ－２３４５ ')).toBe('abcd-2345');
  });

  it('refuses an empty or over-long token', () => {
    expect(messageOf(tokenField, '')).toBe('URLが正しくありません。');
    expect(messageOf(tokenField, 'a'.repeat(129))).toBe('URLが正しくありません。');
    expect(messageOf(tokenField, 'a'.repeat(43))).toBeUndefined();
  });
});
