import { isCommonPassword } from '../../../lambdas/domain/common-passwords';

describe('common passwords', () => {
  it.each(['Password123!', 'PASSWORD!!2024', 'Qwerty123456!', 'Welcome2025!', 'Sakura#2024', 'Admin_0000!'])(
    'recognises the common word dressed with capitals, digits and symbols: %s',
    (password) => {
      expect(isCommonPassword(password)).toBe(true);
    },
  );

  it.each(['P@ssw0rd##', 'Dr4gon##', 'L3tmein##'])('recognises leetspeak: %s', (password) => {
    expect(isCommonPassword(password)).toBe(true);
  });

  // The dressing after the word (a year, "!") is itself made of leet characters (0→o, 4→a,
  // 1→i, !→i); it must not turn into letters that hide the word.
  it.each(['P@ssw0rd2024#', 'Dr4gon2024!', 'L3tme1n!2024'])('recognises leetspeak followed by a year or symbols: %s', (password) => {
    expect(isCommonPassword(password)).toBe(true);
  });

  it.each(['Vt4!rW9q]Zm2', 'Kx7#mQ2$vLp9', 'Hq7#xTk4Wp9=Ny', 'Passport#2024x'])('accepts an uncommon password: %s', (password) => {
    expect(isCommonPassword(password)).toBe(false);
  });
});
