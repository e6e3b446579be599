import type * as z from 'zod/mini';
import { emailField, loginIdField, passcodeField, passwordField, tokenField } from '../../../lambdas/http/fields';

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
