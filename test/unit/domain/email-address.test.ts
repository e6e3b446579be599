import { canonicalEmail } from '../../../lambdas/domain/email-address';

describe('canonical email', () => {
  it.each([
    ['as registered', 'taro@example.com', 'taro@example.com'],
    ['in upper case', 'Taro@Example.COM', 'taro@example.com'],
    ['full-width (IME)', 'ｔａｒｏ＠ｅｘａｍｐｌｅ．ｃｏｍ', 'taro@example.com'],
    ['full-width upper case', 'ＴＡＲＯ＠ＥＸＡＭＰＬＥ．ＣＯＭ', 'taro@example.com'],
    ['with blanks around', ' \ttaro@example.com\n', 'taro@example.com'],
    ['with full-width spaces around', '\u3000ｔａｒｏ＠ｅｘａｍｐｌｅ．ｃｏｍ\u3000\u3000', 'taro@example.com'],
    ['with full-width symbols', 'ｔａｒｏ＋ｓｈｏｐ＿１＠ｅｘａｍｐｌｅ．ｃｏ．ｊｐ', 'taro+shop_1@example.co.jp'],
  ])('takes an address typed %s as %j', (_label, typed, stored) => {
    expect(canonicalEmail(typed)).toBe(stored);
  });

  it('is the same address however often it is applied', () => {
    const once = canonicalEmail('\u3000ＴＡＲＯ＠ｅｘａｍｐｌｅ．ｃｏｍ ');
    expect(canonicalEmail(once)).toBe(once);
  });

  it('keeps a blank inside, for the format check to refuse', () => {
    expect(canonicalEmail('taro\u3000@example.com')).toBe('taro @example.com');
  });
});
