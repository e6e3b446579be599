/**
 * The product's API. The CDK API stack and the local server both read this table, so the two can
 * never disagree about which code answers which path. `entry` is the route's file under
 * `lambdas/handlers/` (exporting `route`); `zone` the function that serves it (lambdas/functions/).
 */
export interface Route {
  method: 'GET' | 'POST';
  path: string;
  entry: RouteEntry;
  zone: ZoneName;
}

/**
 * The API's functions, by what their routes may touch (docs/architecture.md, "Functions by trust zone"):
 * - `sign-in`: the ways in without a session — first login, login, the forgotten password, the
 *   links of the two-email requests — and the default route;
 * - `account`: the signed-in account — who, the session, password, email, re-proof, the devices;
 * - `second-factors`: passkeys and the authenticator app — the only function that holds the
 *   WebAuthn verifier and reads the TOTP key.
 */
export type ZoneName = 'sign-in' | 'account' | 'second-factors';

export const ZONES: readonly ZoneName[] = ['sign-in', 'account', 'second-factors'];

export type RouteEntry =
  | 'first-login'
  | 'registration-status'
  | 'complete-registration'
  | 'login'
  | 'logout'
  | 'me'
  | 'session-time'
  | 'extend-session'
  | 'password-reset'
  | 'password-reset-status'
  | 'complete-password-reset'
  | 'change-password'
  | 'email-change'
  | 'email-change-status'
  | 'complete-email-change'
  | 'passkey-registration-options'
  | 'register-passkey'
  | 'passkeys'
  | 'rename-passkey'
  | 'delete-passkey'
  | 'passkey-proof-options'
  | 'passkey-proof'
  | 'passkey-login-options'
  | 'passkey-login'
  | 'login-passkey-options'
  | 'login-passkey'
  | 'second-factor'
  | 'proof'
  | 'factors'
  | 'authenticator-setup'
  | 'authenticator-confirm'
  | 'authenticator-remove'
  | 'recovery-codes'
  | 'sessions'
  | 'end-session'
  | 'end-other-sessions';

export const routes: readonly Route[] = [
  { method: 'POST', path: '/api/first-login', entry: 'first-login', zone: 'sign-in' },
  { method: 'POST', path: '/api/registration/status', entry: 'registration-status', zone: 'sign-in' },
  { method: 'POST', path: '/api/registration/complete', entry: 'complete-registration', zone: 'sign-in' },
  { method: 'POST', path: '/api/login', entry: 'login', zone: 'sign-in' },
  { method: 'POST', path: '/api/logout', entry: 'logout', zone: 'account' },
  { method: 'GET', path: '/api/me', entry: 'me', zone: 'account' },
  { method: 'GET', path: '/api/session', entry: 'session-time', zone: 'account' },
  { method: 'POST', path: '/api/session/extend', entry: 'extend-session', zone: 'account' },
  { method: 'POST', path: '/api/password-reset', entry: 'password-reset', zone: 'sign-in' },
  { method: 'POST', path: '/api/password-reset/status', entry: 'password-reset-status', zone: 'sign-in' },
  { method: 'POST', path: '/api/password-reset/complete', entry: 'complete-password-reset', zone: 'sign-in' },
  { method: 'POST', path: '/api/password', entry: 'change-password', zone: 'account' },
  { method: 'POST', path: '/api/email-change', entry: 'email-change', zone: 'account' },
  { method: 'POST', path: '/api/email-change/status', entry: 'email-change-status', zone: 'sign-in' },
  { method: 'POST', path: '/api/email-change/complete', entry: 'complete-email-change', zone: 'sign-in' },
  { method: 'POST', path: '/api/passkeys/registration-options', entry: 'passkey-registration-options', zone: 'second-factors' },
  { method: 'POST', path: '/api/passkeys/registration', entry: 'register-passkey', zone: 'second-factors' },
  { method: 'GET', path: '/api/passkeys', entry: 'passkeys', zone: 'second-factors' },
  { method: 'POST', path: '/api/passkeys/rename', entry: 'rename-passkey', zone: 'second-factors' },
  { method: 'POST', path: '/api/passkeys/delete', entry: 'delete-passkey', zone: 'second-factors' },
  { method: 'POST', path: '/api/passkeys/proof-options', entry: 'passkey-proof-options', zone: 'second-factors' },
  { method: 'POST', path: '/api/passkeys/proof', entry: 'passkey-proof', zone: 'second-factors' },
  { method: 'POST', path: '/api/passkey-login/options', entry: 'passkey-login-options', zone: 'second-factors' },
  { method: 'POST', path: '/api/passkey-login', entry: 'passkey-login', zone: 'second-factors' },
  { method: 'POST', path: '/api/login/passkey-options', entry: 'login-passkey-options', zone: 'second-factors' },
  { method: 'POST', path: '/api/login/passkey', entry: 'login-passkey', zone: 'second-factors' },
  { method: 'POST', path: '/api/login/second-factor', entry: 'second-factor', zone: 'second-factors' },
  { method: 'POST', path: '/api/proof', entry: 'proof', zone: 'account' },
  { method: 'GET', path: '/api/factors', entry: 'factors', zone: 'second-factors' },
  { method: 'POST', path: '/api/authenticator/setup', entry: 'authenticator-setup', zone: 'second-factors' },
  { method: 'POST', path: '/api/authenticator/confirm', entry: 'authenticator-confirm', zone: 'second-factors' },
  { method: 'POST', path: '/api/authenticator/remove', entry: 'authenticator-remove', zone: 'second-factors' },
  { method: 'POST', path: '/api/recovery-codes', entry: 'recovery-codes', zone: 'second-factors' },
  { method: 'GET', path: '/api/sessions', entry: 'sessions', zone: 'account' },
  { method: 'POST', path: '/api/sessions/end', entry: 'end-session', zone: 'account' },
  { method: 'POST', path: '/api/sessions/end-others', entry: 'end-other-sessions', zone: 'account' },
];

/**
 * API Gateway's `$default` route (and the local server's for what no route takes): the product's
 * JSON 404, or 405 on a known path asked with another method. It touches nothing and is served
 * by the `sign-in` function.
 */
export const UNROUTED_ENTRY = 'unrouted';
export const UNROUTED_ZONE: ZoneName = 'sign-in';

/** Every route's entry, and the default route's: the keys of the needs. */
export type HandlerEntry = RouteEntry | typeof UNROUTED_ENTRY;

/** The routes a zone's function serves. */
export const routesOf = (zone: ZoneName): readonly Route[] => routes.filter((route) => route.zone === zone);

/** The path of a handler's route: the browser's pages call the API by handler, never by a typed path. */
export function apiPath(entry: RouteEntry): string {
  const route = routes.find((candidate) => candidate.entry === entry);
  if (!route) throw new Error(`no route for ${entry}`);
  return route.path;
}
