import { z } from 'zod';

/** Input fields as the pages send them, with the message the merchant sees when one is wrong. */
const required = (label: string, max = 256) =>
  z.string({ error: `${label}を入力してください。` }).trim().min(1, `${label}を入力してください。`).max(max, `${label}が長すぎます。`);

export const loginIdField = (label: string) => required(label, 254);

/** Passwords are never trimmed: a space is a character the policy must judge. */
export const passwordField = (label: string) =>
  z.string({ error: `${label}を入力してください。` }).min(1, `${label}を入力してください。`).max(256, `${label}が長すぎます。`);

/** SES takes only ASCII addresses, so the format check is the plain one. */
export const emailField = required('メールアドレス', 254).pipe(
  z.email({ error: 'メールアドレスの形式が正しくありません。' }),
);

export const passcodeField = z
  .string({ error: 'パスコードを入力してください。' })
  .trim()
  .regex(/^\d{6}$/, 'パスコードは6桁の数字で入力してください。');

export const tokenField = z.string({ error: 'URLが正しくありません。' }).min(1, 'URLが正しくありません。').max(128, 'URLが正しくありません。');
