/**
 * The import file: bytes to text (UTF-8 with or without BOM, or Shift_JIS as Excel saves "CSV"
 * on a Japanese Windows), text to records (RFC 4180), each record with the line it starts on.
 */

export type CsvEncoding = 'UTF-8' | 'UTF-8 with BOM' | 'Shift_JIS';

/**
 * A BOM means UTF-8; bytes that are valid UTF-8 are UTF-8 (pure ASCII included); anything else
 * is read as Shift_JIS (the WHATWG decoder: Windows-31J, with the NEC and IBM extensions Excel
 * writes, such as ① and 髙).
 */
export function decodeCsv(bytes: Uint8Array): { text: string; encoding: CsvEncoding } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes.subarray(3)), encoding: 'UTF-8 with BOM' };
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'UTF-8' };
  } catch {
    return { text: new TextDecoder('shift_jis').decode(bytes), encoding: 'Shift_JIS' };
  }
}

export interface CsvRecord {
  /** The line of the file this record starts on (1 = the first line). */
  line: number;
  fields: string[];
}

export class CsvSyntaxError extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(`line ${line}: ${message}`);
  }
}

/**
 * RFC 4180 records: fields separated by commas; a field in double quotes may hold commas, line
 * breaks and doubled quotes (""); records end at CRLF, LF or CR. Records whose fields are all
 * blank (empty lines, Excel's ",,,," rows) are left out. Line breaks inside fields become \n.
 * A quote inside an unquoted field is kept as it is (Excel never writes one, people do).
 */
export function parseCsv(text: string): CsvRecord[] {
  const records: CsvRecord[] = [];
  let line = 1;
  let recordLine = 1;
  let fields: string[] = [];
  let field = '';
  /** Whether anything of the current field has been read (a quote opens a field only at its start). */
  let started = false;
  let i = 0;

  const endField = () => {
    fields.push(field);
    field = '';
    started = false;
  };
  const endRecord = () => {
    endField();
    if (fields.some((f) => f.trim() !== '')) records.push({ line: recordLine, fields });
    fields = [];
  };
  /** Length of the line break at `at` (CRLF: 2, LF or CR: 1), 0 when there is none. */
  const breakAt = (at: number) => (text[at] === '\r' ? (text[at + 1] === '\n' ? 2 : 1) : text[at] === '\n' ? 1 : 0);

  while (i < text.length) {
    const lineBreak = breakAt(i);
    if (!started && text[i] === '"') {
      // A quoted field: up to the quote that is not doubled.
      const startLine = line;
      started = true;
      i += 1;
      for (;;) {
        if (i >= text.length) throw new CsvSyntaxError(startLine, 'a quoted field is not closed (a " is missing)');
        const inner = breakAt(i);
        if (inner > 0) {
          field += '\n';
          line += 1;
          i += inner;
        } else if (text[i] !== '"') {
          field += text[i];
          i += 1;
        } else if (text[i + 1] === '"') {
          field += '"';
          i += 2;
        } else {
          i += 1;
          break;
        }
      }
      if (i < text.length && text[i] !== ',' && breakAt(i) === 0) {
        throw new CsvSyntaxError(line, `${JSON.stringify(text[i])} after a closing quote (a quote inside a quoted field is written "")`);
      }
    } else if (text[i] === ',') {
      endField();
      i += 1;
    } else if (lineBreak > 0) {
      endRecord();
      i += lineBreak;
      line += 1;
      recordLine = line;
    } else {
      field += text[i];
      started = true;
      i += 1;
    }
  }
  if (started || fields.length > 0) endRecord();
  return records;
}
