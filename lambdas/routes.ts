/**
 * The product's API: one Lambda handler per route. The CDK API stack and the local server both
 * read this table, so the two can never disagree about which handler answers which path.
 * `entry` is the handler file under `lambdas/handlers/` (exported as `handler`).
 */
export interface Route {
  method: 'GET' | 'POST';
  path: string;
  entry: RouteEntry;
}

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
  { method: 'POST', path: '/api/first-login', entry: 'first-login' },
  { method: 'POST', path: '/api/registration/status', entry: 'registration-status' },
  { method: 'POST', path: '/api/registration/complete', entry: 'complete-registration' },
  { method: 'POST', path: '/api/login', entry: 'login' },
  { method: 'POST', path: '/api/logout', entry: 'logout' },
  { method: 'GET', path: '/api/me', entry: 'me' },
  { method: 'GET', path: '/api/session', entry: 'session-time' },
  { method: 'POST', path: '/api/session/extend', entry: 'extend-session' },
  { method: 'POST', path: '/api/password-reset', entry: 'password-reset' },
  { method: 'POST', path: '/api/password-reset/status', entry: 'password-reset-status' },
  { method: 'POST', path: '/api/password-reset/complete', entry: 'complete-password-reset' },
  { method: 'POST', path: '/api/password', entry: 'change-password' },
  { method: 'POST', path: '/api/email-change', entry: 'email-change' },
  { method: 'POST', path: '/api/email-change/status', entry: 'email-change-status' },
  { method: 'POST', path: '/api/email-change/complete', entry: 'complete-email-change' },
  { method: 'POST', path: '/api/passkeys/registration-options', entry: 'passkey-registration-options' },
  { method: 'POST', path: '/api/passkeys/registration', entry: 'register-passkey' },
  { method: 'GET', path: '/api/passkeys', entry: 'passkeys' },
  { method: 'POST', path: '/api/passkeys/rename', entry: 'rename-passkey' },
  { method: 'POST', path: '/api/passkeys/delete', entry: 'delete-passkey' },
  { method: 'POST', path: '/api/passkeys/proof-options', entry: 'passkey-proof-options' },
  { method: 'POST', path: '/api/passkeys/proof', entry: 'passkey-proof' },
  { method: 'POST', path: '/api/passkey-login/options', entry: 'passkey-login-options' },
  { method: 'POST', path: '/api/passkey-login', entry: 'passkey-login' },
  { method: 'POST', path: '/api/login/passkey-options', entry: 'login-passkey-options' },
  { method: 'POST', path: '/api/login/passkey', entry: 'login-passkey' },
  { method: 'POST', path: '/api/login/second-factor', entry: 'second-factor' },
  { method: 'POST', path: '/api/proof', entry: 'proof' },
  { method: 'GET', path: '/api/factors', entry: 'factors' },
  { method: 'POST', path: '/api/authenticator/setup', entry: 'authenticator-setup' },
  { method: 'POST', path: '/api/authenticator/confirm', entry: 'authenticator-confirm' },
  { method: 'POST', path: '/api/authenticator/remove', entry: 'authenticator-remove' },
  { method: 'POST', path: '/api/recovery-codes', entry: 'recovery-codes' },
  { method: 'GET', path: '/api/sessions', entry: 'sessions' },
  { method: 'POST', path: '/api/sessions/end', entry: 'end-session' },
  { method: 'POST', path: '/api/sessions/end-others', entry: 'end-other-sessions' },
];

/**
 * The handler of API Gateway's `$default` route (and of the local server for what no route
 * takes): the product's JSON 404, or 405 on a known path asked with another method.
 */
export const UNROUTED_ENTRY = 'unrouted';

/** Every file of `lambdas/handlers/`: one per route, and the default route's. */
export type HandlerEntry = RouteEntry | typeof UNROUTED_ENTRY;

/** The path of a handler's route: the browser's pages call the API by handler, never by a typed path. */
export function apiPath(entry: RouteEntry): string {
  const route = routes.find((candidate) => candidate.entry === entry);
  if (!route) throw new Error(`no route for ${entry}`);
  return route.path;
}
