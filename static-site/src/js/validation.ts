/**
 * The browser's first look at what the merchant typed, mirroring the server's checks so most
 * mistakes are caught before a round trip. The server still decides.
 */
import { canonicalPasscode } from '../../../lambdas/domain/typed-codes';

/** The alert's summary when fields have their own messages below. */
export const INPUT_PROBLEM_SUMMARY = '入力内容をご確認ください。';
/** The summary when the alert only points to the fields: each one's message is under it, in red. */
export const FIX_FIELDS_SUMMARY = `${INPUT_PROBLEM_SUMMARY}赤字の項目を修正してください。`;

export const requiredMessage = (label: string) => `${label}を入力してください。`;

export const EMAIL_FORMAT_MESSAGE = 'メールアドレスの形式が正しくありません。';
export const PASSCODE_FORMAT_MESSAGE = 'パスコードは6桁の数字で入力してください。';

// Deliberately loose: one @, something on each side, a dot in the domain, no spaces.
const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export const isEmail = (value: string) => EMAIL_PATTERN.test(value) && value.length <= 254;

/** What is wrong with an address typed in the field `label`, if anything. */
export function emailProblem(address: string, label = 'メールアドレス'): string | undefined {
  if (!address) return requiredMessage(label);
  return isEmail(address) ? undefined : EMAIL_FORMAT_MESSAGE;
}

/** Full-width digits typed with a Japanese IME are the same passcode: accept them (the server's rule). */
export const normalizePasscode = canonicalPasscode;

export const isPasscode = (value: string) => /^[0-9]{6}$/.test(value);
