/**
 * The API paths WAF rate-limits per IP: everything that checks a password, a passcode or a passkey, or
 * sends mail. Matched as prefixes of the normalized path, so `/api/password` also covers
 * `/api/password-reset/…` and a trailing slash or doubled slash does not slip past.
 * Plain data (no aws-cdk-lib), so the tests can hold it against lambdas/routes.ts.
 */
export const RATE_LIMITED_PATH_PREFIXES = [
  '/api/login',
  '/api/first-login',
  '/api/password',
  '/api/registration/',
  '/api/email-change',
  // Passkey sign-in (its options too: each stores a challenge).
  '/api/passkey-login',
  // The password again, and the authenticator app's codes (the set-up's codes and its notices).
  '/api/proof',
  '/api/authenticator/',
] as const;

/** The answer WAF gives a blocked IP, in the API's error shape so the pages show it as is. */
export const TOO_MANY_REQUESTS_BODY = JSON.stringify({
  error: {
    code: 'TOO_MANY_REQUESTS',
    message: 'アクセスが集中しているため、受付を一時停止しています。しばらく時間をおいてから再度お試しください。',
  },
});
