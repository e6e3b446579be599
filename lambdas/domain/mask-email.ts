/** `taro.yamada@example.com` → `t***@example.com`: enough to recognise, not to mail. */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf('@');
  if (at <= 0) return '***';
  return `${email[0]}***${email.slice(at)}`;
}
