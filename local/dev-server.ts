import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, STATUS_CODES, type Server, type ServerResponse } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';
import type { Duplex } from 'node:stream';
import { loadConfig } from '../lambdas/config';
import { answerFor, type ErrorResponse, errorResponse, internalErrorAnswer } from '../lambdas/http/error-answers';
import { decodedPath, MAX_BODY_BYTES, MAX_HEADER_BYTES, MAX_URL_BYTES, RequestRefusedError, refusals } from '../lambdas/http/refusals';
import { securityHeaders } from '../lambdas/http/security-headers';
import { routes, UNROUTED_ZONE, type ZoneName } from '../lambdas/routes';
import { SITE_SETTINGS_FILE, siteSettings } from '../lambdas/site-settings';
import { sendApiGatewayResult, toApiGatewayEvent } from './api-gateway-event';
import { type InboxSource, inboxAnswer } from './mailbox/inbox-route';
import { localSiteFrame } from './site-frame';

type LambdaHandler = (event: APIGatewayProxyEventV2, context: Context) => Promise<APIGatewayProxyStructuredResultV2>;

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
};

/** Enough of a Lambda context for the handlers, which read only the request id. */
function lambdaContext(name: string): Context {
  return { functionName: name, awsRequestId: 'local', getRemainingTimeInMillis: () => 30_000 } as Context;
}

/** Past this much, a too-large body is no longer read to its end: the answer goes, then the connection closes. */
const DISCARD_LIMIT = 16 * 1024 * 1024;

/**
 * Node's own header limit, above the product's (MAX_URL_BYTES, MAX_HEADER_BYTES), so that the
 * request handler answers 414 and 431 itself; beyond it, the `clientError` handler does.
 */
const PARSER_HEADER_LIMIT = 64 * 1024;

type Body = { text: string } | { tooLarge: true };

/** The body up to the limit; beyond it the rest is read and dropped, so the 413 reaches the browser. */
function readBody(req: IncomingMessage, limit = MAX_BODY_BYTES): Promise<Body> {
  return new Promise((resolve, reject) => {
    let size = 0;
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) chunks.push(chunk);
      else if (size > DISCARD_LIMIT) {
        req.pause();
        resolve({ tooLarge: true });
      }
    });
    req.on('end', () => resolve(size > limit ? { tooLarge: true } : { text: Buffer.concat(chunks).toString('utf8') }));
    req.on('error', reject);
  });
}

function plain(res: ServerResponse, status: number, contentType: string, body: string | Buffer) {
  res.writeHead(status, { ...securityHeaders, 'content-type': contentType });
  res.end(body);
}

/** Header bytes as sent (names, values, `: ` and CRLF), the request line excluded. */
function headerBytes(req: IncomingMessage): number {
  let bytes = 0;
  for (let i = 0; i < req.rawHeaders.length; i += 2) {
    bytes += Buffer.byteLength(req.rawHeaders[i]!) + Buffer.byteLength(req.rawHeaders[i + 1]!) + 4;
  }
  return bytes;
}

/** Whether the request line now being read has ended: an overflow before its end is a 414, after it a 431. */
const requestLineEnded = new WeakMap<Duplex, boolean>();

function watchRequestLines(server: Server) {
  server.on('connection', (socket: Duplex) => {
    requestLineEnded.set(socket, false);
    socket.on('data', (chunk: Buffer) => {
      if (!requestLineEnded.get(socket) && chunk.includes('\n')) requestLineEnded.set(socket, true);
    });
  });
  server.on('request', (req: IncomingMessage) => requestLineEnded.set(req.socket, false));
}

/**
 * What Node's parser refuses before any request exists (headers past its limit, a request line
 * it cannot read) still gets a proper answer with the security headers, then the connection closes.
 */
function answerClientError(error: Error & { code?: string }, socket: Duplex) {
  if (!socket.writable || error.code === 'ECONNRESET') {
    socket.destroy();
    return;
  }
  const refusal =
    error.code === 'HPE_HEADER_OVERFLOW'
      ? requestLineEnded.get(socket)
        ? refusals.headersTooLarge()
        : refusals.uriTooLong()
      : refusals.malformedRequest();
  answerOnSocket(socket, refusal);
}

/** A refusal written straight to the socket (no request object exists), then the connection closes. */
function answerOnSocket(socket: Duplex, refusal: RequestRefusedError) {
  const { statusCode, headers, body } = errorResponse(answerFor(refusal)!);
  const lines = Object.entries({ ...headers, 'content-length': String(Buffer.byteLength(body)), connection: 'close' }).map(
    ([name, value]) => `${name}: ${value}`,
  );
  socket.end(`HTTP/1.1 ${statusCode} ${STATUS_CODES[statusCode]}\r\n${lines.join('\r\n')}\r\n\r\n${body}`);
}

export interface DevServerOptions {
  /** Where the local mailbox (`/_local/mailbox`) reads the mails; without it there is none. */
  inbox?: InboxSource;
}

/**
 * What CloudFront and API Gateway do on AWS, on one local origin: `/api/*` goes to the real
 * Lambda functions of the zones (loaded on first use, after the environment is set), the rest is the built site
 * — and, local mode's own, the mailbox page under `/_local/`.
 */
export function createDevServer(siteDir: string, options: DevServerOptions = {}): Server {
  // Read once: a wrong link or logo stops the start instead of breaking every page's settings.
  const { frame, logoFile } = localSiteFrame(process.env, resolve(__dirname, '..'));
  const functions = new Map<ZoneName, LambdaHandler>();
  const functionOf = (zone: ZoneName): LambdaHandler => {
    if (!functions.has(zone)) {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      functions.set(zone, require(`../lambdas/functions/${zone}`).handler);
    }
    return functions.get(zone)!;
  };

  /** Under `/api/` the product's JSON error; elsewhere its own page (404.html, or error.html for the rest). */
  async function refuse(res: ServerResponse, refusal: RequestRefusedError, underApi: boolean) {
    const answer = answerFor(refusal)!;
    if (underApi) return sendErrorResponse(res, errorResponse(answer));
    const page = await readFile(join(siteDir, answer.statusCode === 404 ? '404.html' : 'error.html')).catch(
      () => `<!doctype html><html lang="ja"><title>${answer.body.error.message}</title><p>${answer.body.error.message}</p></html>`,
    );
    res.writeHead(answer.statusCode, { ...securityHeaders, ...answer.headers, 'content-type': CONTENT_TYPES['.html'] });
    res.end(page);
  }

  async function api(req: IncomingMessage, res: ServerResponse, path: string) {
    const body = await readBody(req);
    if ('tooLarge' in body) {
      res.shouldKeepAlive = false;
      return refuse(res, refusals.bodyTooLarge(), true);
    }
    const route = routes.find((r) => r.path === path && r.method === req.method);
    // What no route takes goes where API Gateway's $default route sends it.
    const zone = route?.zone ?? UNROUTED_ZONE;
    const event = toApiGatewayEvent(req, body.text, route ? `${route.method} ${route.path}` : '$default');
    sendApiGatewayResult(res, await functionOf(zone)(event, lambdaContext(zone)));
  }

  async function site(req: IncomingMessage, res: ServerResponse, path: string, query: URLSearchParams) {
    if (req.method !== 'GET' && req.method !== 'HEAD') return refuse(res, refusals.methodNotAllowed(['GET', 'HEAD']), false);
    const inbox = options.inbox && (await inboxAnswer(path, query, options.inbox));
    if (inbox) {
      res.setHeader('cache-control', 'no-store');
      return plain(res, inbox.status, inbox.contentType, inbox.body);
    }
    if (path === `/${SITE_SETTINGS_FILE}`) {
      return plain(res, 200, 'application/json; charset=utf-8', JSON.stringify(siteSettings(loadConfig(), frame)));
    }
    // The stage's logo, where CloudFront serves the deployed copy (lib/constructs/site).
    if (logoFile && path === siteSettings(loadConfig(), frame).brandLogo) {
      const logo = await readFile(logoFile).catch(() => undefined);
      if (!logo) return refuse(res, refusals.notFound(), false);
      res.setHeader('cache-control', 'no-cache');
      return plain(res, 200, CONTENT_TYPES[extname(path)]!, logo);
    }
    const file = normalize(join(siteDir, path === '/' ? 'index.html' : path));
    if (!file.startsWith(siteDir + sep)) return refuse(res, refusals.notFound(), false);
    const body = await readFile(file).catch(() => undefined);
    if (!body) return refuse(res, refusals.notFound(), false);
    res.setHeader('cache-control', 'no-cache');
    plain(res, 200, CONTENT_TYPES[extname(file)] ?? 'application/octet-stream', body);
  }

  const route = async (req: IncomingMessage, res: ServerResponse) => {
    const target = req.url ?? '/';
    // The path of an origin-form target, or of an absolute-form one (`http://host/api/…`).
    const underApi = target.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/]*/i, '').startsWith('/api/');
    if (Buffer.byteLength(target) > MAX_URL_BYTES) return refuse(res, refusals.uriTooLong(), underApi);
    if (headerBytes(req) > MAX_HEADER_BYTES) return refuse(res, refusals.headersTooLarge(), underApi);
    let rawPath: string;
    let query: URLSearchParams;
    try {
      ({ pathname: rawPath, searchParams: query } = new URL(target, 'http://localhost'));
    } catch {
      return refuse(res, refusals.malformedRequest(), underApi);
    }
    // As parsed: `/%2e%2e/api/…` is under /api/ too.
    const path = decodedPath(rawPath);
    if (path instanceof RequestRefusedError) return refuse(res, path, rawPath.startsWith('/api/'));
    return path.startsWith('/api/') ? api(req, res, path) : site(req, res, path, query);
  };

  const server = createServer({ maxHeaderSize: PARSER_HEADER_LIMIT }, (req, res) => {
    route(req, res).catch((error) => {
      process.stderr.write(`dev server: ${(error as Error).stack}\n`);
      if (!res.headersSent) sendErrorResponse(res, errorResponse(internalErrorAnswer));
      else res.end();
    });
  });
  watchRequestLines(server);
  server.on('clientError', answerClientError);
  // CONNECT never reaches the request handler: without this Node would drop the connection.
  server.on('connect', (_req: IncomingMessage, socket: Duplex) =>
    answerOnSocket(socket, refusals.methodNotAllowed(['GET', 'HEAD', 'POST'])),
  );
  return server;
}

function sendErrorResponse(res: ServerResponse, response: ErrorResponse) {
  res.writeHead(response.statusCode, response.headers);
  res.end(response.body);
}
