/**
 * Recovery codes made on another page (the first passkey) are shown on 2段階認証の設定, where
 * codes are copied, downloaded and printed. They cross over in this tab's sessionStorage and are
 * removed the moment that page reads them, so they are still shown only once.
 */
const KEY = 'new-recovery-codes';

export function handOverRecoveryCodes(codes: string[]): void {
  sessionStorage.setItem(KEY, JSON.stringify(codes));
  location.href = 'two-step.html';
}

export function takeHandedOverRecoveryCodes(): string[] | undefined {
  const stored = sessionStorage.getItem(KEY);
  sessionStorage.removeItem(KEY);
  if (!stored) return undefined;
  const codes: unknown = JSON.parse(stored);
  return Array.isArray(codes) && codes.every((code) => typeof code === 'string') ? codes : undefined;
}
