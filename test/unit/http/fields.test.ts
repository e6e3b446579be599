import type * as z from 'zod/mini';
import { LETTER_ID_HINT_MESSAGE } from '../../../lambdas/domain/letter-id-hint';
import { emailField, loginBody, loginIdField, passcodeField, passwordField, tokenField } from '../../../lambdas/http/fields';

function messageOf(schema: z.ZodMiniType, value: unknown): string | undefined {
  const parsed = schema.safeParse(value);
  return parsed.success ? undefined : parsed.error.issues[0].message;
}

describe('input fields', () => {
  it.each([
    ['missing', undefined],
    ['empty', ''],
    ['blank', '   '],
  ])('asks for a %s login ID in Japanese, by its label', (_label, value) => {
    expect(messageOf(loginIdField('初回ログインID'), value)).toBe('初回ログインIDを入力してください。');
  });

  it('trims the login ID', () => {
    expect(loginIdField('ログインID').parse('  M20250401 ')).toBe('M20250401');
  });

  it('never trims a password: a space is for the policy to judge', () => {
    expect(passwordField('パスワード').parse(' Vt4!rW9q]Zm2 ')).toBe(' Vt4!rW9q]Zm2 ');
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
    ['012345', undefined],
    [' 012345 ', undefined],
    ['12345', 'パスコードは6桁の数字で入力してください。'],
    ['１２３４５６', 'パスコードは6桁の数字で入力してください。'],
    ['12345a', 'パスコードは6桁の数字で入力してください。'],
  ])('judges the passcode %j', (value, message) => {
    expect(messageOf(passcodeField, value)).toBe(message);
  });

  it('refuses an empty or over-long token', () => {
    expect(messageOf(tokenField, '')).toBe('URLが正しくありません。');
    expect(messageOf(tokenField, 'a'.repeat(129))).toBe('URLが正しくありません。');
    expect(messageOf(tokenField, 'a'.repeat(43))).toBeUndefined();
  });
});
