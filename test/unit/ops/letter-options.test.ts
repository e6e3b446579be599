import { UsageError } from '../../../ops/arguments';
import { MAILING_FIELDS } from '../../../ops/letter-address';
import { letterFromOptions, letterLine } from '../../../ops/letter-options';

const FULL = {
  company: ' 株式会社サンプル ',
  'postal-code': '１５０－００４３',
  'postal-address': '東京都渋谷区道玄坂1-2-3\\nサンプルビル5階',
};

describe('letterFromOptions', () => {
  it('cleans the options through the address rule: trimmed, postal code NNN-NNNN, "\\n" as a line break', () => {
    expect(letterFromOptions(FULL)).toEqual({
      companyName: '株式会社サンプル',
      postalCode: '150-0043',
      postalAddress: '東京都渋谷区道玄坂1-2-3\nサンプルビル5階',
    });
  });

  it('gives no letter when no option is given and none is required (create-account)', () => {
    expect(letterFromOptions({})).toBeUndefined();
  });

  it('names each required option that is missing (update-address)', () => {
    expect(() => letterFromOptions({ contact: '山田 太郎' }, MAILING_FIELDS)).toThrow(UsageError);
    expect(() => letterFromOptions({ contact: '山田 太郎' }, MAILING_FIELDS)).toThrow(
      '--company is missing; --postal-code is missing; --postal-address is missing.',
    );
  });

  it('refuses an empty option and a bad postal code by their option names', () => {
    expect(() => letterFromOptions({ ...FULL, contact: ' ' })).toThrow('--contact cannot be empty.');
    expect(() => letterFromOptions({ ...FULL, 'postal-code': '15-043' })).toThrow(
      '--postal-code "15-043" is not a postal code (NNN-NNNN).',
    );
  });
});

describe('letterLine', () => {
  it('puts the address block on one line for the console', () => {
    expect(letterLine({ ...letterFromOptions(FULL)!, contactName: '山田 太郎' })).toBe(
      '〒150-0043 東京都渋谷区道玄坂1-2-3 サンプルビル5階 株式会社サンプル 山田 太郎',
    );
  });
});
