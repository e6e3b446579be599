/**
 * The letter fields as options on the command line (create-account, update-address): one set of
 * names, cleaned and checked by the one address rule (letter-address.ts).
 */
import type { LetterAddress } from '../lambdas/domain/model';
import { UsageError } from './arguments';
import { checkLetterFields, type LetterField } from './letter-address';

export const LETTER_OPTIONS = {
  company: { type: 'string' },
  contact: { type: 'string' },
  'postal-code': { type: 'string' },
  'postal-address': { type: 'string' },
} as const;

export const OPTION_OF: Record<LetterField, string> = {
  companyName: '--company',
  contactName: '--contact',
  postalCode: '--postal-code',
  postalAddress: '--postal-address',
};

/** The help lines of the options, each with its limit. */
export const LETTER_OPTIONS_HELP = `  --company "…"          会社名 (at most 40 characters)
  --contact "…"          ご担当者名 (at most 30)
  --postal-code NNN-NNNN 郵便番号
  --postal-address "…"   住所 (at most 80; "\\n" or a line break for up to 3 lines)`;

type Given = Partial<Record<keyof typeof LETTER_OPTIONS, string>>;

/**
 * The address block the options give (undefined when none is), or a UsageError naming each bad,
 * empty or missing (`required`) option.
 */
export function letterFromOptions(values: Given, required: readonly LetterField[] = []): LetterAddress | undefined {
  const given = {
    companyName: values.company,
    contactName: values.contact,
    postalCode: values['postal-code'],
    postalAddress: values['postal-address']?.replace(/\\n/g, '\n'),
  };
  const blank = (Object.keys(given) as LetterField[]).filter((field) => given[field] !== undefined && given[field]!.trim() === '');
  if (blank.length > 0) throw new UsageError(`${blank.map((field) => OPTION_OF[field]).join(', ')} cannot be empty.`);
  const { letter, problems } = checkLetterFields(given, { required, label: (field) => OPTION_OF[field] });
  if (problems.length > 0) throw new UsageError(`${problems.join('; ')}.`);
  return letter;
}

/** 〒150-0043 東京都渋谷区… 株式会社サンプル 山田 太郎, on one line for the console. */
export const letterLine = (letter: LetterAddress) =>
  [letter.postalCode && `〒${letter.postalCode}`, letter.postalAddress?.replace(/\n/g, ' '), letter.companyName, letter.contactName]
    .filter(Boolean)
    .join(' ');

/** The command that gives an account the address its letter lacks, as messages name it. */
export const updateAddressCommandFor = (loginId: string) =>
  `update-address ${loginId} --company "…" --postal-code NNN-NNNN --postal-address "…"`;
