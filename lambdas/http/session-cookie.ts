/**
 * `__Host-` makes the browser insist on Secure, Path=/ and no Domain, so no sibling subdomain
 * can plant or read it. Browsers treat http://localhost as secure, so the same cookie works locally.
 */
export const SESSION_COOKIE = '__Host-session';

export function sessionCookie(sessionId: string, maxAgeSeconds: number): string {
  return `${SESSION_COOKIE}=${sessionId}; Path=/; HttpOnly; Secure; SameSite=Strict; Max-Age=${maxAgeSeconds}`;
}

export const CLEARED_SESSION_COOKIE = `${SESSION_COOKIE}=; Path=/; HttpOnly; Secure; SameSite=Strict; Max-Age=0`;

/** API Gateway (payload 2.0) hands cookies over as `name=value` strings. */
export function sessionIdFrom(cookies: readonly string[] | undefined): string | undefined {
  for (const cookie of cookies ?? []) {
    const at = cookie.indexOf('=');
    if (cookie.slice(0, at).trim() === SESSION_COOKIE) return cookie.slice(at + 1).trim() || undefined;
  }
  return undefined;
}
