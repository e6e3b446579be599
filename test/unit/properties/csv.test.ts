/** The import file's reader as properties: any table written with RFC 4180 quoting reads back as itself. */
import fc from 'fast-check';
import { decodeCsv, parseCsv } from '../../../ops/import/csv';
import { RUNS } from './settings';

/** Field text with everything that needs quoting, Japanese and blanks included. */
const field = fc.string({
  unit: fc.constantFrom('a', 'Z', '0', ' ', ',', '"', '\n', '\r', '\r\n', 'ア', '株', '①', '髙', '\t', "'", '=', '\u3000'),
  maxLength: 8,
});
const table = fc.array(fc.array(field, { minLength: 1, maxLength: 5 }), { maxLength: 8 });
const lineBreak = fc.constantFrom('\r\n', '\n');

const needsQuotes = (f: string) => /[",\r\n]/.test(f);
const quote = (f: string) => (needsQuotes(f) ? `"${f.replace(/"/g, '""')}"` : f);

/** RFC 4180: fields quoted when needed, quotes doubled, records ended by `eol` (the last one optionally). */
function writeCsv(rows: string[][], eol: string, finalBreak: boolean): { text: string; lines: number[] } {
  let text = '';
  let line = 1;
  const lines: number[] = [];
  rows.forEach((row, i) => {
    lines.push(line);
    const record = row.map(quote).join(',');
    text += record;
    line += (record.match(/\r\n|\r|\n/g) ?? []).length;
    if (i < rows.length - 1 || finalBreak) {
      text += eol;
      line += 1;
    }
  });
  return { text, lines };
}

/** What the reader promises: line breaks in fields become \n; records of only blank fields are left out. */
const expected = (rows: string[][], lines: number[]) =>
  rows
    .map((fields, i) => ({ line: lines[i]!, fields: fields.map((f) => f.replace(/\r\n|\r/g, '\n')) }))
    .filter((record) => record.fields.some((f) => f.trim() !== ''));

describe('CSV reader (properties)', () => {
  it('reads back any table it was written from, with the line each record starts on (CRLF or LF)', () => {
    fc.assert(
      fc.property(table, lineBreak, fc.boolean(), (rows, eol, finalBreak) => {
        const { text, lines } = writeCsv(rows, eol, finalBreak);
        expect(parseCsv(text)).toEqual(expected(rows, lines));
      }),
      RUNS,
    );
  });

  it('reads the same records whether the file ends its lines with CRLF or LF', () => {
    fc.assert(
      fc.property(table, (rows) => {
        const crlf = parseCsv(writeCsv(rows, '\r\n', true).text);
        const lf = parseCsv(writeCsv(rows, '\n', true).text);
        expect(crlf).toEqual(lf);
      }),
      RUNS,
    );
  });

  it('decodes UTF-8 with and without a BOM to the same text, the BOM left out', () => {
    fc.assert(
      fc.property(table, lineBreak, (rows, eol) => {
        const { text } = writeCsv(rows, eol, true);
        fc.pre(!text.startsWith('\ufeff'));
        const bytes = Buffer.from(text, 'utf8');
        const withBom = decodeCsv(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), bytes]));
        const without = decodeCsv(bytes);
        expect(withBom).toEqual({ text, encoding: 'UTF-8 with BOM' });
        expect(without).toEqual({ text, encoding: 'UTF-8' });
        expect(parseCsv(withBom.text)).toEqual(parseCsv(text));
      }),
      RUNS,
    );
  });

  it('decodes any well-formed Unicode text written as UTF-8 back to itself', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 40 }), (text) => {
        fc.pre(!text.startsWith('\ufeff'));
        expect(decodeCsv(Buffer.from(text, 'utf8')).text).toBe(text);
      }),
      RUNS,
    );
  });
});
