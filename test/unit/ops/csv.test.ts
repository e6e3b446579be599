import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CsvSyntaxError, decodeCsv, parseCsv } from '../../../ops/import/csv';

const FIXTURES = join(__dirname, '../../fixtures/import');

describe('decodeCsv', () => {
  it('reads UTF-8 without a BOM', () => {
    // Act
    const decoded = decodeCsv(Buffer.from('ログインID,会社名\nSHOP-0001,株式会社サンプル\n', 'utf8'));

    // Assess
    expect(decoded).toEqual({ text: 'ログインID,会社名\nSHOP-0001,株式会社サンプル\n', encoding: 'UTF-8' });
  });

  it('reads UTF-8 with a BOM and leaves the BOM out of the text', () => {
    // Act
    const decoded = decodeCsv(readFileSync(join(FIXTURES, 'utf-8-bom.csv')));

    // Assess
    expect(decoded.encoding).toBe('UTF-8 with BOM');
    expect(decoded.text.startsWith('loginId,')).toBe(true);
  });

  it('reads Shift_JIS as Excel writes it, NEC and IBM extensions and half-width kana included', () => {
    // Act
    const decoded = decodeCsv(readFileSync(join(FIXTURES, 'shift_jis.csv')));

    // Assess
    expect(decoded.encoding).toBe('Shift_JIS');
    expect(decoded.text).toContain('ログインID,会社名,ご担当者名,郵便番号,住所');
    expect(decoded.text).toContain('株式会社髙島商店');
    expect(decoded.text).toContain('梅田ビル①号館');
    expect(decoded.text).toContain('ｶﾌﾞｼｷｶﾞｲｼｬ ﾃｽﾄ');
    expect(decoded.text).toContain('〒１００－０００５');
  });

  it('reads pure ASCII as UTF-8', () => {
    expect(decodeCsv(Buffer.from('loginId\nSHOP-0001\n')).encoding).toBe('UTF-8');
  });

  it('takes bytes that are not UTF-8 for Shift_JIS (a short table of known characters)', () => {
    // Prepare: あ 82A0, ア 8341, 東 93 8C, 京 8B 9E, ｱ B1 (half-width)
    const bytes = Buffer.from([0x82, 0xa0, 0x2c, 0x83, 0x41, 0x2c, 0x93, 0x8c, 0x8b, 0x9e, 0x2c, 0xb1]);

    // Act
    const decoded = decodeCsv(bytes);

    // Assess
    expect(decoded).toEqual({ text: 'あ,ア,東京,ｱ', encoding: 'Shift_JIS' });
  });
});

describe('parseCsv', () => {
  it('splits records and fields, each record with its line', () => {
    expect(parseCsv('a,b,c\n1,2,3\n')).toEqual([
      { line: 1, fields: ['a', 'b', 'c'] },
      { line: 2, fields: ['1', '2', '3'] },
    ]);
  });

  it('takes CRLF, LF and CR line ends alike', () => {
    expect(parseCsv('a,b\r\n1,2\n3,4\r5,6').map((r) => r.fields)).toEqual([
      ['a', 'b'],
      ['1', '2'],
      ['3', '4'],
      ['5', '6'],
    ]);
  });

  it('keeps commas and doubled quotes of quoted fields', () => {
    expect(parseCsv('"有限会社 ""テスト"", 本店",x\n')[0]!.fields).toEqual(['有限会社 "テスト", 本店', 'x']);
  });

  it('keeps line breaks inside quoted fields as \\n and counts the lines they take', () => {
    // Act
    const records = parseCsv('id,address\r\nA001,"東京都渋谷区\r\nサンプルビル\n5階"\r\nA002,大阪府\r\n');

    // Assess
    expect(records).toEqual([
      { line: 1, fields: ['id', 'address'] },
      { line: 2, fields: ['A001', '東京都渋谷区\nサンプルビル\n5階'] },
      { line: 5, fields: ['A002', '大阪府'] },
    ]);
  });

  it('keeps empty fields, quoted or not', () => {
    expect(parseCsv('a,,"",b,\n')[0]!.fields).toEqual(['a', '', '', 'b', '']);
  });

  it('leaves out blank lines and rows of empty fields (Excel\'s ",,,,"), but counts their lines', () => {
    expect(parseCsv('a,b\n\n,\n1,2\n\n\n')).toEqual([
      { line: 1, fields: ['a', 'b'] },
      { line: 4, fields: ['1', '2'] },
    ]);
  });

  it('reads a last record without a line end', () => {
    expect(parseCsv('a,b\n1,"2"').map((r) => r.fields)).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
  });

  it('keeps a quote inside an unquoted field as it is', () => {
    expect(parseCsv('5" screen,x\n')[0]!.fields).toEqual(['5" screen', 'x']);
  });

  it('names the line where an unclosed quoted field starts', () => {
    // Act
    const parse = () => parseCsv('a,b\n1,2\n3,"never\nclosed\n');

    // Assess
    expect(parse).toThrow(CsvSyntaxError);
    expect(parse).toThrow('line 3: a quoted field is not closed');
  });

  it('refuses text after a closing quote, naming its line', () => {
    expect(() => parseCsv('a,b\n1,"x"y\n')).toThrow('line 2: "y" after a closing quote');
  });
});
