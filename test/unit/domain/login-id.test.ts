import { canonicalLoginId, isLoginId } from '../../../lambdas/domain/login-id';

describe('login ID', () => {
  it.each(['M20250401', 'abcd', 'A_b-9', '1234', 'x'.repeat(32)])('accepts %s', (id) => {
    expect(isLoginId(id)).toBe(true);
  });

  it.each([
    ['too short', 'abc'],
    ['too long', 'x'.repeat(33)],
    ['an email', 'taro@example.com'],
    ['starting with a hyphen', '-abcd'],
    ['with a space', 'ab cd'],
    ['full-width', 'ＡＢＣＤ'],
    ['empty', ''],
  ])('refuses an ID %s', (_label, id) => {
    expect(isLoginId(id)).toBe(false);
  });
});

describe('canonical login ID', () => {
  it.each([
    ['as printed', 'DEMO0001', 'DEMO0001'],
    ['in lower case', 'demo0001', 'DEMO0001'],
    ['in mixed case', 'Shop-0001', 'SHOP-0001'],
    ['full-width (IME)', 'ＤＥＭＯ０００１', 'DEMO0001'],
    ['full-width lower case, hyphen and underscore', 'ｓｈｏｐ－０００１＿ａ', 'SHOP-0001_A'],
    ['with blanks around', ' \tDEMO0001 ', 'DEMO0001'],
    ['with full-width spaces around', '\u3000ｄｅｍｏ０００１\u3000', 'DEMO0001'],
  ])('stores an ID typed %s in upper case: %j', (_label, typed, stored) => {
    expect(canonicalLoginId(typed)).toBe(stored);
    expect(isLoginId(canonicalLoginId(typed))).toBe(true);
  });

  it('keeps a blank inside, so an ID with a space is still refused', () => {
    expect(canonicalLoginId('demo\u30000001')).toBe('DEMO 0001');
    expect(isLoginId(canonicalLoginId('demo\u30000001'))).toBe(false);
  });

  it('leaves what is not a letter, digit or blank as it is', () => {
    expect(canonicalLoginId('デモ0001')).toBe('デモ0001');
    expect(isLoginId(canonicalLoginId('デモ0001'))).toBe(false);
  });
});
