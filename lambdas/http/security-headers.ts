/**
 * The security headers every page and API answer carries (docs/design.md). The API answers and the
 * local server use this object; CloudFront's response headers policy is built from the same values.
 */
export const CONTENT_SECURITY_POLICY = "default-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'";

/** Two years, what the HSTS preload list expects. */
export const HSTS_MAX_AGE_SECONDS = 63_072_000;

export const securityHeaders: Readonly<Record<string, string>> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'Strict-Transport-Security': `max-age=${HSTS_MAX_AGE_SECONDS}; includeSubDomains`,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
};

/** Every JSON answer of the API: the security headers, its type, and never cached. */
export const jsonHeaders: Readonly<Record<string, string>> = {
  ...securityHeaders,
  'content-type': 'application/json; charset=utf-8',
  'cache-control': 'no-store',
};

/** The header CloudFront adds to every API request with a secret value (lib: origin-verify-secret). */
export const ORIGIN_VERIFY_HEADER = 'x-origin-verify';
