/**
 * The import file's columns and the check of every row, before anything is written: the header
 * (English or Japanese names), login IDs (in their stored form: upper case, half width), duplicates
 * within the file (ignoring case), required fields, postal codes.
 */
import type { LetterAddress } from '../../lambdas/domain/model';
import { canonicalLoginId, isLoginId } from '../../lambdas/domain/login-id';
import { checkLetterFields, MAILING_FIELDS, type LetterField } from '../letter-address';
import { decodeCsv, parseCsv, CsvSyntaxError, type CsvEncoding } from './csv';

export type Column = 'loginId' | LetterField;

/** Each column's names in the header: the English one first, then the Japanese ones. */
export const COLUMN_NAMES: Record<Column, readonly string[]> = {
  loginId: ['loginId', 'ログインID', '初回ログインID'],
  companyName: ['companyName', '会社名'],
  contactName: ['contactName', 'ご担当者名', '担当者名'],
  postalCode: ['postalCode', '郵便番号'],
  postalAddress: ['postalAddress', '住所'],
};

/** Every column but the contact name must be in the header and filled in on every row. */
export const REQUIRED_COLUMNS: readonly Column[] = ['loginId', ...MAILING_FIELDS];

export interface ImportRow {
  line: number;
  loginId: string;
  letter: LetterAddress;
}

interface RowProblem {
  /** The file's line (1: the header). */
  line: number;
  message: string;
}

export interface CheckedFile {
  encoding: CsvEncoding;
  rows: ImportRow[];
  /** Every problem of the file; rows are only imported when this is empty. */
  problems: RowProblem[];
}

/** Header names compare without case, spaces or full-width forms: "Login ID", "ＬｏｇｉｎＩＤ". */
const headerKey = (name: string) => name.normalize('NFKC').replace(/\s+/g, '').toLowerCase();

const COLUMN_BY_HEADER = new Map<string, Column>(
  Object.entries(COLUMN_NAMES).flatMap(([column, names]) => names.map((name) => [headerKey(name), column as Column])),
);

const describeColumns = () =>
  (Object.keys(COLUMN_NAMES) as Column[])
    .map((column) => `${COLUMN_NAMES[column].slice(0, 2).join(' / ')}${REQUIRED_COLUMNS.includes(column) ? '' : ' (optional)'}`)
    .join(', ');

/** The file's bytes to the rows to import, or every problem found in them. */
export function checkImportFile(bytes: Uint8Array): CheckedFile {
  const { text, encoding } = decodeCsv(bytes);
  let records: ReturnType<typeof parseCsv>;
  try {
    records = parseCsv(text);
  } catch (error) {
    if (error instanceof CsvSyntaxError)
      return { encoding, rows: [], problems: [{ line: error.line, message: error.message.replace(/^line \d+: /, '') }] };
    throw error;
  }
  const [header, ...body] = records;
  if (!header)
    return {
      encoding,
      rows: [],
      problems: [{ line: 1, message: `the file is empty; the first line names the columns: ${describeColumns()}` }],
    };

  const problems: RowProblem[] = [];
  /** Index of each column in the records; blank header cells are ignored (Excel's trailing commas). */
  const position = new Map<Column, number>();
  const ignored: number[] = [];
  for (const [index, name] of header.fields.entries()) {
    if (name.trim() === '') {
      ignored.push(index);
      continue;
    }
    const column = COLUMN_BY_HEADER.get(headerKey(name));
    if (!column) problems.push({ line: header.line, message: `unknown column "${name.trim()}"; the columns are ${describeColumns()}` });
    else if (position.has(column)) problems.push({ line: header.line, message: `column "${name.trim()}" appears twice` });
    else position.set(column, index);
  }
  const missing = REQUIRED_COLUMNS.filter((column) => !position.has(column));
  if (missing.length > 0) {
    problems.push({
      line: header.line,
      message: `missing column${missing.length > 1 ? 's' : ''} ${missing.map((c) => COLUMN_NAMES[c].slice(0, 2).join(' / ')).join(', ')}`,
    });
  }
  if (problems.length > 0) return { encoding, rows: [], problems };
  if (body.length === 0) return { encoding, rows: [], problems: [{ line: header.line, message: 'no rows after the header' }] };

  /** Problems name the columns as the file's header does (会社名 or companyName). */
  const nameOf = (column: Column) => header.fields[position.get(column)!]!.trim();
  const rows: ImportRow[] = [];
  /** Each login ID's first line in the file, keyed by its stored form, with the ID as typed there. */
  const firstOf = new Map<string, { line: number; typed: string }>();
  for (const record of body) {
    const rowProblems: string[] = [];
    const value = (column: Column) => {
      const index = position.get(column);
      return index === undefined ? undefined : record.fields[index];
    };
    if (record.fields.length > header.fields.length) {
      // The values have moved to other columns: checking them would only mislead.
      problems.push({
        line: record.line,
        message: `${record.fields.length} fields, but the header has ${header.fields.length} (a comma in a value must be inside "…")`,
      });
      continue;
    }
    if (ignored.some((index) => (record.fields[index] ?? '').trim() !== '')) rowProblems.push('a value under a column without a name');

    const typed = (value('loginId') ?? '').trim();
    const loginId = canonicalLoginId(typed);
    const first = firstOf.get(loginId);
    if (!loginId) rowProblems.push(`${nameOf('loginId')} is missing`);
    else if (!isLoginId(loginId)) {
      rowProblems.push(
        `${nameOf('loginId')} "${typed}" is not a valid login ID (4–32 half-width letters, digits, "-" or "_", starting with a letter or digit)`,
      );
    } else if (first) {
      // Login IDs ignore case: "shop-0001" under "SHOP-0001" would be the same account twice.
      const spelling = first.typed === typed ? typed : `"${typed}" (the same ID as "${first.typed}": login IDs ignore case)`;
      rowProblems.push(`${nameOf('loginId')} ${spelling} is also on line ${first.line}`);
    } else {
      firstOf.set(loginId, { line: record.line, typed });
    }

    const { letter, problems: letterProblems } = checkLetterFields(
      {
        companyName: value('companyName'),
        contactName: value('contactName'),
        postalCode: value('postalCode'),
        postalAddress: value('postalAddress'),
      },
      {
        required: MAILING_FIELDS,
        label: (field) => (position.has(field) ? nameOf(field) : field),
      },
    );
    rowProblems.push(...letterProblems);

    if (rowProblems.length > 0) problems.push(...rowProblems.map((message) => ({ line: record.line, message })));
    else rows.push({ line: record.line, loginId, letter: letter! });
  }
  return { encoding, rows: problems.length > 0 ? [] : rows, problems };
}
