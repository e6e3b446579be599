/**
 * The password policy of the login guide, plus what current standards add. Runs unchanged in the
 * browser (live feedback on the form) and on the server (the authority), so it imports nothing.
 */
import { isCommonPassword } from './common-passwords';

/** Symbols the guide allows; `\` is the `¥` key of a Japanese keyboard. */
export const ALLOWED_SYMBOLS = `!#%&+-.:=?[]_"$'()*;<>@\\^\`{}|~`;
export const MIN_LENGTH = 12;
export const MAX_LENGTH = 30;
/** None of the last 4 passwords may come back (the initial password counts). */
export const HISTORY_SIZE = 4;

export type PasswordRule =
  | 'length'
  | 'upper'
  | 'lower'
  | 'digit'
  | 'symbol'
  | 'allowedCharacters'
  | 'notPersonal'
  | 'notCommon'
  | 'confirmation';

/** What the password may not contain or equal, besides the fixed rules. */
export interface PasswordContext {
  email?: string;
  loginId?: string;
  confirmation?: string;
}

export interface RuleResult {
  rule: PasswordRule;
  met: boolean;
  message: string;
}

export const RULE_MESSAGES: Record<PasswordRule | 'history', string> = {
  length: `半角${MIN_LENGTH}文字以上${MAX_LENGTH}文字以下で入力してください。`,
  upper: '英字(大文字)を1文字以上含めてください。',
  lower: '英字(小文字)を1文字以上含めてください。',
  digit: '数字を1文字以上含めてください。',
  symbol: '記号を1文字以上含めてください。',
  allowedCharacters: '使用できない文字が含まれています。半角英数字と指定の記号のみ使用できます。',
  notPersonal: 'メールアドレスやログインIDを含むパスワードは使用できません。',
  notCommon: '推測されやすいパスワードは使用できません。',
  confirmation: '新パスワードと新パスワード(確認用)が一致しません。',
  history: `過去${HISTORY_SIZE}つ前までに使用したパスワードは登録できません。`,
};

/**
 * The guide's policy, in the guide's words: the pages print it above the form (the site build
 * fills it in) and the ops letters print it in short.
 */
export const POLICY_WORDING = {
  rule: `新パスワードは半角${MIN_LENGTH}文字以上${MAX_LENGTH}文字以下で、英字(大文字)・英字(小文字)・数字・記号を各種1文字以上設定してください。`,
  /** The allowed symbols one by one; `\\` is shown as the Japanese keyboard labels it. */
  symbols: [...ALLOWED_SYMBOLS].map((c) => (c === '\\' ? '¥(\\)' : c)).join(' '),
  history: `また、新パスワードには過去${HISTORY_SIZE}つ前までに使用したものは登録できません。`,
  /** The rule in brief, as a step of the letter says it. */
  inShort: `半角${MIN_LENGTH}文字以上${MAX_LENGTH}文字以下、英字(大文字)・英字(小文字)・数字・記号を各1文字以上`,
} as const;

const isUpper = (c: string) => c >= 'A' && c <= 'Z';
const isLower = (c: string) => c >= 'a' && c <= 'z';
const isDigit = (c: string) => c >= '0' && c <= '9';
const isSymbol = (c: string) => ALLOWED_SYMBOLS.includes(c);

function containsPersonal(password: string, context: PasswordContext): boolean {
  const lowered = password.toLowerCase();
  const localPart = context.email?.split('@')[0]?.toLowerCase();
  const loginId = context.loginId?.toLowerCase();
  // Very short parts (e.g. "a@…") would forbid half the alphabet; 3 characters is where a part
  // starts to be guessable.
  return [localPart, loginId].some((part) => !!part && part.length >= 3 && lowered.includes(part));
}

/**
 * Every rule with whether it is met, in the order the form lists them. `confirmation` is only
 * judged when a confirmation is given.
 */
export function evaluatePassword(password: string, context: PasswordContext = {}): RuleResult[] {
  const chars = [...password];
  const checks: [PasswordRule, boolean][] = [
    ['length', chars.length >= MIN_LENGTH && chars.length <= MAX_LENGTH],
    ['upper', chars.some(isUpper)],
    ['lower', chars.some(isLower)],
    ['digit', chars.some(isDigit)],
    ['symbol', chars.some(isSymbol)],
    ['allowedCharacters', chars.every((c) => isUpper(c) || isLower(c) || isDigit(c) || isSymbol(c))],
    ['notPersonal', !containsPersonal(password, context)],
    ['notCommon', !isCommonPassword(password)],
  ];
  if (context.confirmation !== undefined) checks.push(['confirmation', password === context.confirmation]);
  return checks.map(([rule, met]) => ({ rule, met, message: RULE_MESSAGES[rule] }));
}

/** The rules the password breaks; empty when it is acceptable (history is checked elsewhere). */
export function passwordViolations(password: string, context: PasswordContext = {}): RuleResult[] {
  return evaluatePassword(password, context).filter((result) => !result.met);
}
