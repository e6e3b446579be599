import { checkLetterFields, missingForMailing, normalizePostalCode } from '../../../ops/letter-address';

const label = (field: string) => field;

describe('normalizePostalCode', () => {
  it.each([
    ['150-0043', '150-0043'],
    ['1500043', '150-0043'],
    ['〒150-0043', '150-0043'],
    ['〒 １５０－００４３', '150-0043'],
    ['150ー0043', '150-0043'],
    [' 150−0043 ', '150-0043'],
  ])('reads %s as %s', (raw, expected) => {
    expect(normalizePostalCode(raw)).toBe(expected);
  });

  it.each(['15-0043', '150-004', '150-00434', 'abc-defg', '150 0043', ''])('refuses %j', (raw) => {
    expect(normalizePostalCode(raw)).toBeUndefined();
  });
});

describe('checkLetterFields', () => {
  it('gives the trimmed fields, the address on up to three lines', () => {
    // Act
    const checked = checkLetterFields(
      { companyName: ' 株式会社A ', contactName: '', postalCode: '1500043', postalAddress: ' 東京都 \r\n\r\n ビル5階 ' },
      { label },
    );

    // Assess
    expect(checked).toEqual({
      letter: { companyName: '株式会社A', postalCode: '150-0043', postalAddress: '東京都\nビル5階' },
      problems: [],
    });
  });

  it('gives no letter when no field is given', () => {
    expect(checkLetterFields({}, { label })).toEqual({ letter: undefined, problems: [] });
  });

  it('names each missing required field', () => {
    expect(checkLetterFields({ companyName: ' ' }, { label, required: ['companyName', 'postalCode'] }).problems).toEqual([
      'companyName is missing',
      'postalCode is missing',
    ]);
  });

  it('refuses values too long for the address block', () => {
    // Act
    const checked = checkLetterFields(
      { companyName: '株'.repeat(41), contactName: '山'.repeat(31), postalAddress: '東'.repeat(81) },
      { label },
    );

    // Assess
    expect(checked.problems).toEqual([
      'companyName is 41 characters long (at most 40)',
      'contactName is 31 characters long (at most 30)',
      'postalAddress is 81 characters long (at most 80)',
    ]);
  });

  it('accepts the longest values', () => {
    expect(
      checkLetterFields({ companyName: '株'.repeat(40), contactName: '山'.repeat(30), postalAddress: '東'.repeat(80) }, { label }).problems,
    ).toEqual([]);
  });

  it('refuses line breaks outside the address, more than three address lines, and control characters', () => {
    // Act
    const checked = checkLetterFields(
      { companyName: '株式会社\nA', contactName: 'A\tB', postalAddress: 'a\nb\nc\nd' },
      { label: (f) => `--${f}` },
    );

    // Assess
    expect(checked.problems).toEqual([
      '--companyName must be one line',
      '--contactName contains a control character',
      '--postalAddress has more than 3 lines',
    ]);
  });
});

describe('missingForMailing', () => {
  it('names the company, postal code and address a letter lacks; the contact is optional', () => {
    expect(missingForMailing(undefined)).toEqual(['companyName', 'postalCode', 'postalAddress']);
    expect(missingForMailing({ contactName: '山田 太郎', postalCode: ' ' })).toEqual(['companyName', 'postalCode', 'postalAddress']);
    expect(missingForMailing({ companyName: '株式会社サンプル', postalCode: '150-0043' })).toEqual(['postalAddress']);
    expect(missingForMailing({ companyName: '株式会社サンプル', postalCode: '150-0043', postalAddress: '東京都' })).toEqual([]);
  });
});
