import { DEVICE_COOKIE_DAYS } from '../domain/device-id';
import type { StartedSession } from '../domain/use-cases/shared/start-session';

/**
 * The browser's cookies: the signed-in session, a step in progress before there is one (the
 * second sign-in step, a passkey sign-in's challenge), and the device cookie that tells a browser
 * the account has used before from a new one (a year; set at every sign-in). `__Host-` makes the browser insist on
 * Secure, Path=/ and no Domain, so no sibling subdomain can plant or read them. Browsers treat
 * http://localhost as secure, so the same cookies work locally.
 */
export const SESSION_COOKIE = '__Host-session';
export const STEP_COOKIE = '__Host-step';
export const DEVICE_COOKIE = '__Host-device';

const cookie = (name: string, value: string, maxAgeSeconds: number) =>
  `${name}=${value}; Path=/; HttpOnly; Secure; SameSite=Strict; Max-Age=${maxAgeSeconds}`;

export const sessionCookie = (sessionId: string, maxAgeSeconds: number) => cookie(SESSION_COOKIE, sessionId, maxAgeSeconds);
export const stepCookie = (stepId: string, maxAgeSeconds: number) => cookie(STEP_COOKIE, stepId, maxAgeSeconds);
export const deviceCookie = (deviceId: string) => cookie(DEVICE_COOKIE, deviceId, DEVICE_COOKIE_DAYS * 86_400);

/** What a sign-in sets: the session (for its absolute life) and the device cookie (renewed). */
export const signedInCookies = (started: StartedSession, sessionMaxAgeSeconds: number) => [
  sessionCookie(started.sessionId, sessionMaxAgeSeconds),
  deviceCookie(started.deviceId),
];

export const CLEARED_SESSION_COOKIE = cookie(SESSION_COOKIE, '', 0);
export const CLEARED_STEP_COOKIE = cookie(STEP_COOKIE, '', 0);

/** API Gateway (payload 2.0) hands cookies over as `name=value` strings. */
export function cookieValue(cookies: readonly string[] | undefined, name: string): string | undefined {
  for (const entry of cookies ?? []) {
    const at = entry.indexOf('=');
    if (entry.slice(0, at).trim() === name) return entry.slice(at + 1).trim() || undefined;
  }
  return undefined;
}

export const sessionIdFrom = (cookies: readonly string[] | undefined) => cookieValue(cookies, SESSION_COOKIE);
