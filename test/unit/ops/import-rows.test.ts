import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkImportFile } from '../../../ops/import/rows';

const FIXTURES = join(__dirname, '../../fixtures/import');
const utf8 = (text: string) => Buffer.from(text, 'utf8');
const HEADER = 'loginId,companyName,contactName,postalCode,postalAddress';

describe('checkImportFile', () => {
  it('reads the rows of a file with English headers, cleaned for the letter', () => {
    // Act
    const checked = checkImportFile(
      utf8(`${HEADER}\nSHOP-0001, 株式会社サンプル ,山田 太郎,〒150-0043,"東京都渋谷区道玄坂1-2-3\n サンプルビル5階 "\n`),
    );

    // Assess
    expect(checked).toEqual({
      encoding: 'UTF-8',
      problems: [],
      rows: [
        {
          line: 2,
          loginId: 'SHOP-0001',
          letter: {
            companyName: '株式会社サンプル',
            contactName: '山田 太郎',
            postalCode: '150-0043',
            postalAddress: '東京都渋谷区道玄坂1-2-3\nサンプルビル5階',
          },
        },
      ],
    });
  });

  it('takes the Japanese header names, in any order, with the contact name left out', () => {
    // Act
    const checked = checkImportFile(utf8('住所,郵便番号,会社名,ログインID\n大阪府大阪市北区梅田1-1-1,5300001,株式会社テスト,SHOP-0002\n'));

    // Assess
    expect(checked.problems).toEqual([]);
    expect(checked.rows).toEqual([
      {
        line: 2,
        loginId: 'SHOP-0002',
        letter: { companyName: '株式会社テスト', postalCode: '530-0001', postalAddress: '大阪府大阪市北区梅田1-1-1' },
      },
    ]);
  });

  it('reads the Shift_JIS file Excel saves, with a multi-line address and a quoted comma', () => {
    // Act
    const checked = checkImportFile(readFileSync(join(FIXTURES, 'shift_jis.csv')));

    // Assess
    expect(checked.encoding).toBe('Shift_JIS');
    expect(checked.problems).toEqual([]);
    expect(checked.rows).toEqual([
      {
        line: 2,
        loginId: 'SJIS-0001',
        letter: {
          companyName: '株式会社髙島商店',
          contactName: '渡邊 花子',
          postalCode: '530-0001',
          postalAddress: '大阪府大阪市北区梅田1－2－3\n梅田ビル①号館',
        },
      },
      {
        line: 4,
        loginId: 'SJIS-0002',
        letter: { companyName: 'ｶﾌﾞｼｷｶﾞｲｼｬ ﾃｽﾄ, 本店', postalCode: '100-0005', postalAddress: '東京都千代田区丸の内1-1-1' },
      },
    ]);
  });

  it('reads UTF-8 with a BOM (the BOM does not spoil the first header name)', () => {
    // Act
    const checked = checkImportFile(readFileSync(join(FIXTURES, 'utf-8-bom.csv')));

    // Assess
    expect(checked.encoding).toBe('UTF-8 with BOM');
    expect(checked.problems).toEqual([]);
    expect(checked.rows.map((r) => [r.loginId, r.letter.companyName, r.letter.postalCode])).toEqual([
      ['UTF8-0001', '株式会社サンプル', '150-0043'],
      ['UTF8-0002', '有限会社 "テスト"', '100-0005'],
    ]);
  });

  it('reports every bad row with its line, and gives no row to import', () => {
    // Prepare: line 3's address spans two lines, so the rows after it are on lines 5 and 6.
    const file = [
      HEADER,
      'SHOP-0001,株式会社A,,150-0043,東京都',
      'SHOP-0002,株式会社B,,150-0043,"東京都',
      '渋谷区"',
      'SHOP 3,株式会社C,,150-0043,東京都',
      'SHOP-0004,,,15-0043,',
    ].join('\n');

    // Act
    const checked = checkImportFile(utf8(file));

    // Assess
    expect(checked.rows).toEqual([]);
    expect(checked.problems).toEqual([
      { line: 5, message: expect.stringContaining('loginId "SHOP 3" is not a valid login ID') },
      { line: 6, message: 'companyName is missing' },
      { line: 6, message: 'postalCode "15-0043" is not a postal code (NNN-NNNN)' },
      { line: 6, message: 'postalAddress is missing' },
    ]);
  });

  it('reports a login ID that the file repeats, naming the first line', () => {
    // Act
    const checked = checkImportFile(utf8(`${HEADER}\nSHOP-0001,A,,150-0043,x\nSHOP-0002,B,,150-0043,y\nSHOP-0001,C,,150-0043,z\n`));

    // Assess
    expect(checked.problems).toEqual([{ line: 4, message: 'loginId SHOP-0001 is also on line 2' }]);
  });

  it('stores a login ID typed in lower case or full width in upper case', () => {
    // Act
    const checked = checkImportFile(utf8(`${HEADER}\nshop-0001,A,,150-0043,x\n\u3000ＳＨＯＰ－０００２\u3000,B,,150-0043,y\n`));

    // Assess
    expect(checked.problems).toEqual([]);
    expect(checked.rows.map((row) => row.loginId)).toEqual(['SHOP-0001', 'SHOP-0002']);
  });

  it('refuses two rows whose login IDs differ only by case or width, naming both lines, and imports nothing', () => {
    // Act
    const checked = checkImportFile(
      utf8(`${HEADER}\nSHOP-0001,A,,150-0043,x\nSHOP-0002,B,,150-0043,y\nshop-0001,C,,150-0043,z\nＳＨＯＰ－０００２,D,,150-0043,w\n`),
    );

    // Assess
    expect(checked.rows).toEqual([]);
    expect(checked.problems).toEqual([
      { line: 4, message: 'loginId "shop-0001" (the same ID as "SHOP-0001": login IDs ignore case) is also on line 2' },
      { line: 5, message: 'loginId "ＳＨＯＰ－０００２" (the same ID as "SHOP-0002": login IDs ignore case) is also on line 3' },
    ]);
  });

  it('names the columns as the header does', () => {
    // Act
    const checked = checkImportFile(utf8('ログインID,会社名,郵便番号,住所\nSHOP-0001,,1234,東京都\n'));

    // Assess
    expect(checked.problems.map((p) => p.message)).toEqual(['会社名 is missing', '郵便番号 "1234" is not a postal code (NNN-NNNN)']);
  });

  it('refuses a header without a required column, or with an unknown or repeated one', () => {
    expect(checkImportFile(utf8('loginId,companyName\nSHOP-0001,A\n')).problems).toEqual([
      { line: 1, message: 'missing columns postalCode / 郵便番号, postalAddress / 住所' },
    ]);
    expect(checkImportFile(utf8(`${HEADER},備考\nSHOP-0001,A,,150-0043,x,memo\n`)).problems).toEqual([
      { line: 1, message: expect.stringMatching(/^unknown column "備考"; the columns are loginId \/ ログインID, /) },
    ]);
    expect(checkImportFile(utf8(`${HEADER},会社名\n`)).problems).toEqual([{ line: 1, message: 'column "会社名" appears twice' }]);
  });

  it('takes header names whatever their case, spaces or full-width forms', () => {
    expect(checkImportFile(utf8('Login ID,COMPANYNAME,ｐｏｓｔａｌＣｏｄｅ,postal address\nSHOP-0001,A,150-0043,x\n')).problems).toEqual(
      [],
    );
  });

  it('ignores blank header cells (trailing commas) unless a row has a value under one', () => {
    // Act
    const fine = checkImportFile(utf8(`${HEADER},,\nSHOP-0001,A,,150-0043,x,,\n`));
    const stray = checkImportFile(utf8(`${HEADER},\nSHOP-0001,A,,150-0043,x,oops\n`));

    // Assess
    expect(fine.problems).toEqual([]);
    expect(stray.problems).toEqual([{ line: 2, message: 'a value under a column without a name' }]);
  });

  it('reports a row with more fields than the header (an unquoted comma)', () => {
    expect(checkImportFile(utf8(`${HEADER}\nSHOP-0001,株式会社A, 本店,,150-0043,x\n`)).problems).toEqual([
      { line: 2, message: expect.stringContaining('6 fields, but the header has 5') },
    ]);
  });

  it('reports a file that is empty, has only the header, or is not valid CSV', () => {
    expect(checkImportFile(utf8('')).problems).toEqual([{ line: 1, message: expect.stringContaining('the file is empty') }]);
    expect(checkImportFile(utf8(`${HEADER}\n\n`)).problems).toEqual([{ line: 1, message: 'no rows after the header' }]);
    expect(checkImportFile(utf8(`${HEADER}\nSHOP-0001,"A,,150-0043,x\n`)).problems).toEqual([
      { line: 2, message: 'a quoted field is not closed (a " is missing)' },
    ]);
  });
});
