import * as z from 'zod/mini';
import { LETTER_ID_HINT_MESSAGE } from '../domain/letter-id-hint';
import { canonicalEmail } from '../domain/email-address';
import { canonicalLoginId } from '../domain/login-id';
import { canonicalAuthenticatorCode, canonicalPasscode } from '../domain/typed-codes';
import { asTyped } from '../domain/typed-text';

/**
 * Input fields as the pages send them, with the message the merchant sees when one is wrong.
 * Each typed value is first put in its canonical form (full width to half, blanks around dropped).
 */
const required = (label: string, max = 256, canonical: (typed: string) => string = asTyped) =>
  z
    .string({ error: `${label}を入力してください。` })
    .check(z.overwrite(canonical), z.minLength(1, `${label}を入力してください。`), z.maxLength(max, `${label}が長すぎます。`));

/** The letter's 初回ログインID, as stored (upper case); its format is the account look-up's to judge. */
export const initialLoginIdField = (label: string) => required(label, 254, canonicalLoginId);

/** ログイン's ログインID: the registered email, as stored (lower case). */
export const loginIdField = (label: string) => required(label, 254, canonicalEmail);

/**
 * Passwords are taken as typed, never trimmed nor made half width: a space or a full-width letter
 * is a character the policy must judge (and refuses: 使用できない文字).
 */
export const passwordField = (label: string) =>
  z
    .string({ error: `${label}を入力してください。` })
    .check(z.minLength(1, `${label}を入力してください。`), z.maxLength(256, `${label}が長すぎます。`));

/** SES takes only ASCII addresses, so the format check is the plain one (after full width is made half). */
export const emailField = z.pipe(
  required('メールアドレス', 254, canonicalEmail),
  z.email({ error: 'メールアドレスの形式が正しくありません。' }),
);

/**
 * ログイン's ID is the registered email. Anything else is most likely the letter's 初回ログインID,
 * so the refusal points to 初回ログイン (the format alone decides: nothing about accounts is told).
 */
const loginEmailField = z.pipe(loginIdField('ログインID'), z.email({ error: LETTER_ID_HINT_MESSAGE }));

export const passcodeField = z
  .string({ error: 'パスコードを入力してください。' })
  .check(z.overwrite(canonicalPasscode), z.regex(/^\d{6}$/, 'パスコードは6桁の数字で入力してください。'));

export const tokenField = z
  .string({ error: 'URLが正しくありません。' })
  .check(z.minLength(1, 'URLが正しくありません。'), z.maxLength(128, 'URLが正しくありません。'));

/**
 * A request body: a JSON object of these fields. Anything else (an array, a string, null) gets
 * the same Japanese refusal as a malformed body.
 */
export const requestBody = <Shape extends z.core.$ZodLooseShape>(shape: Shape) =>
  z.object(shape, { error: 'リクエストの形式が正しくありません。' });

/** The body of ログイン: the registered email and the password. */
export const loginBody = requestBody({ loginId: loginEmailField, password: passwordField('パスワード') });

/** The body of パスコード入力 and パスワード再設定 → 設定: the link, the passcode and the new password twice. */
export const newPasswordBody = requestBody({
  token: tokenField,
  passcode: passcodeField,
  newPassword: passwordField('新パスワード'),
  newPasswordConfirmation: passwordField('新パスワード(確認用)'),
});

/** A WebAuthn answer as the browser library gives it; the WebAuthn library judges the rest. */
export const passkeyResponseField = z.looseObject(
  { id: z.string().check(z.minLength(1), z.maxLength(1024)) },
  { error: 'パスキーの応答が正しくありません。もう一度お試しください。' },
);

/** Which passkey: its credential ID as the list gave it. */
export const passkeyIdField = z
  .string({ error: 'パスキーを選んでください。' })
  .check(z.minLength(1, 'パスキーを選んでください。'), z.maxLength(1024, 'パスキーを選んでください。'));

/** ログイン中の端末: the public key of a session, as the list gave it. */
export const sessionKeyField = z
  .string({ error: 'ログアウトさせる端末を選んでください。' })
  .check(z.minLength(1, 'ログアウトさせる端末を選んでください。'), z.maxLength(64, 'ログアウトさせる端末を選んでください。'));

/** A passkey's name; its length (1–50 once trimmed) is the domain's rule. */
export const passkeyNameField = z
  .string({ error: 'パスキーの名前を入力してください。' })
  .check(z.maxLength(256, 'パスキーの名前が長すぎます。'));

/** The authenticator app's 確認コード: six digits (full width accepted, spaces the app shows in the middle dropped). */
export const authenticatorCodeField = z
  .string({ error: '確認コードを入力してください。' })
  .check(z.overwrite(canonicalAuthenticatorCode), z.regex(/^\d{6}$/, '確認コードは6桁の数字で入力してください。'));

export const recoveryCodeField = required('リカバリーコード', 32);
