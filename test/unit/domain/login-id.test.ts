import { isLoginId } from '../../../lambdas/domain/login-id';

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
