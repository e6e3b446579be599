import { maskEmail } from '../../../lambdas/domain/mask-email';

describe('maskEmail', () => {
  it.each([
    ['taro.yamada@example.com', 't***@example.com'],
    ['a@example.jp', 'a***@example.jp'],
    ['hanako+shop@mail.example.co.jp', 'h***@mail.example.co.jp'],
  ])('keeps the first character and the domain of %s', (email, masked) => {
    expect(maskEmail(email)).toBe(masked);
  });

  it('masks at the last @, so a quoted local part cannot leak', () => {
    expect(maskEmail('"a@b"@example.com')).toBe('"***@example.com');
  });

  it.each([['no-at-sign'], ['@example.com'], ['']])('answers *** for %p, which is no address', (value) => {
    expect(maskEmail(value)).toBe('***');
  });
});
