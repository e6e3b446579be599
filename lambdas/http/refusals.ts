import { routes } from '../routes';

export type RefusalStatus = 400 | 403 | 404 | 405 | 413 | 414 | 415 | 431;

/**
 * A request refused before any use case runs: wrong content type, a foreign origin, or one of the
 * refusals below. The Lambda chain throws it; the local server writes the same answer.
 */
export class RequestRefusedError extends Error {
  constructor(
    readonly statusCode: RefusalStatus,
    readonly code: string,
    message: string,
    /** Headers the answer must carry, such as `Allow` on a 405. */
    readonly headers: Readonly<Record<string, string>> = {},
  ) {
    super(message);
    this.name = 'RequestRefusedError';
  }
}

/** The largest request body the API reads (every form the site sends is far below it). */
export const MAX_BODY_BYTES = 64 * 1024;
/** The longest URL the local server reads, as CloudFront's own limit (8 KiB). */
export const MAX_URL_BYTES = 8 * 1024;
/** The most header bytes the local server reads (request line excluded). */
export const MAX_HEADER_BYTES = 16 * 1024;

/**
 * Every refusal of an input the product cannot read, one shape each. The dev server (for what
 * CloudFront and API Gateway refuse on AWS) and the Lambda chain both answer with these.
 */
export const refusals = {
  malformedPath: () => new RequestRefusedError(400, 'MALFORMED_PATH', 'アドレスの形式が正しくありません。'),
  malformedRequest: () => new RequestRefusedError(400, 'MALFORMED_REQUEST', 'リクエストの形式が正しくありません。'),
  notFound: () => new RequestRefusedError(404, 'NOT_FOUND', 'ページが見つかりません。'),
  methodNotAllowed: (allowed: readonly string[]) =>
    new RequestRefusedError(405, 'METHOD_NOT_ALLOWED', 'この操作は受け付けられません。', { Allow: allowed.join(', ') }),
  bodyTooLarge: () => new RequestRefusedError(413, 'PAYLOAD_TOO_LARGE', '送信された内容が大きすぎます。'),
  uriTooLong: () => new RequestRefusedError(414, 'URI_TOO_LONG', 'アドレスが長すぎます。'),
  headersTooLarge: () =>
    new RequestRefusedError(431, 'HEADERS_TOO_LARGE', 'リクエストの情報が大きすぎます。ブラウザのCookieを削除してから再度お試しください。'),
} as const;

/**
 * Why no handler takes this request: an unknown API path (404), or a known one with another
 * method (405, with `Allow`). Undefined when a route of lambdas/routes.ts takes it.
 */
export function unroutedRefusal(method: string, path: string): RequestRefusedError | undefined {
  const onPath = routes.filter((route) => route.path === path);
  if (onPath.some((route) => route.method === method)) return undefined;
  if (onPath.length === 0) return refusals.notFound();
  return refusals.methodNotAllowed(onPath.map((route) => route.method));
}

/** A URL path decoded, or the 400 refusal when its percent-encoding is malformed (`/%`, `/%ff`). */
export function decodedPath(rawPath: string): string | RequestRefusedError {
  try {
    return decodeURIComponent(rawPath);
  } catch {
    return refusals.malformedPath();
  }
}

/** Body bytes beyond the limit are refused with 413 (the body is counted as UTF-8, or as sent in base64). */
export function bodyTooLarge(body: string | undefined, isBase64Encoded: boolean): boolean {
  if (!body) return false;
  const bytes = isBase64Encoded ? Math.floor((body.length * 3) / 4) : Buffer.byteLength(body, 'utf8');
  return bytes > MAX_BODY_BYTES;
}
