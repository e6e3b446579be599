import type { LetterAddress } from '../lambdas/domain/model';

/**
 * The letter fields an account keeps (its address block), as ops gives them on the command line
 * (`create-account --company …`) or in an import file, checked the same way in both places.
 */
const LETTER_FIELDS = ['companyName', 'contactName', 'postalCode', 'postalAddress'] as const;
export type LetterField = (typeof LETTER_FIELDS)[number];

/**
 * What a letter needs to reach anyone: the postal code, the address and the company (the contact
 * is optional: without one the letter goes to the company 御中). Import requires these columns,
 * `update-address` these options, and `letters` refuses an account that lacks any of them.
 */
export const MAILING_FIELDS: readonly LetterField[] = ['companyName', 'postalCode', 'postalAddress'];

/** The mailing fields an address block lacks (all of them when there is none). */
export const missingForMailing = (letter: LetterAddress | undefined): LetterField[] =>
  MAILING_FIELDS.filter((field) => !letter?.[field]?.trim());

/** Longest values that still fit the letter's address block (characters). */
const LETTER_FIELD_MAX_LENGTH: Record<LetterField, number> = {
  companyName: 40,
  contactName: 30,
  postalCode: 8,
  postalAddress: 80,
};

/** The address may span a few lines (building, floor); the other fields are one line. */
const MAX_ADDRESS_LINES = 3;

const CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f]/;

/**
 * 〒123-4567, １２３－４５６７, 1234567 → 123-4567; undefined when it is not a Japanese postal
 * code (seven digits, NNN-NNNN).
 */
export function normalizePostalCode(raw: string): string | undefined {
  const value = raw
    .normalize('NFKC')
    .trim()
    .replace(/^〒\s*/, '')
    .replace(/[‐‑‒–—―−ーｰ]/g, '-');
  const match = /^(\d{3})-?(\d{4})$/.exec(value);
  return match ? `${match[1]}-${match[2]}` : undefined;
}

export interface CheckedLetter {
  /** The cleaned fields that were given (undefined when none was). */
  letter?: LetterAddress;
  /** One message per bad or missing field, naming it with `label`. */
  problems: string[];
}

/**
 * Trims and checks the given fields: lengths, no control characters, one line each except the
 * address (line breaks kept, at most MAX_ADDRESS_LINES), postal code NNN-NNNN. `required`
 * fields must be non-empty.
 */
export function checkLetterFields(
  given: Partial<Record<LetterField, string | undefined>>,
  options: { required?: readonly LetterField[]; label: (field: LetterField) => string },
): CheckedLetter {
  const letter: LetterAddress = {};
  const problems: string[] = [];
  for (const field of LETTER_FIELDS) {
    const raw = given[field];
    const name = options.label(field);
    let value = field === 'postalAddress' ? cleanLines(raw ?? '') : (raw ?? '').trim();
    if (!value) {
      if (options.required?.includes(field)) problems.push(`${name} is missing`);
      continue;
    }
    if (field === 'postalCode') {
      const code = normalizePostalCode(value);
      if (!code) {
        problems.push(`${name} "${value}" is not a postal code (NNN-NNNN)`);
        continue;
      }
      value = code;
    } else if (field !== 'postalAddress' && /[\r\n]/.test(value)) {
      problems.push(`${name} must be one line`);
      continue;
    } else if (CONTROL.test(value)) {
      problems.push(`${name} contains a control character`);
      continue;
    }
    if (field === 'postalAddress' && value.split('\n').length > MAX_ADDRESS_LINES) {
      problems.push(`${name} has more than ${MAX_ADDRESS_LINES} lines`);
      continue;
    }
    const length = [...value.replace(/\n/g, '')].length;
    if (length > LETTER_FIELD_MAX_LENGTH[field]) {
      problems.push(`${name} is ${length} characters long (at most ${LETTER_FIELD_MAX_LENGTH[field]})`);
      continue;
    }
    letter[field] = value;
  }
  return { letter: Object.keys(letter).length > 0 ? letter : undefined, problems };
}

/** Line breaks of any kind to \n, each line trimmed, empty lines dropped. */
function cleanLines(value: string): string {
  return value
    .split(/\r\n|\r|\n/)
    .map((line) => line.trim())
    .filter(Boolean)
    .join('\n');
}
