import middy, { type MiddlewareObj } from '@middy/core';
import { timingSafeEqual } from 'node:crypto';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import type * as z from 'zod/mini';
import { ValidationError } from '../domain/errors';
import type { Client } from '../domain/model';
import { faultSummary, isDependencyFault } from './dependency-faults';
import { answerFor, dependencyUnavailableAnswer, type ErrorAnswer, errorResponse, internalErrorAnswer } from './error-answers';
import { bodyTooLarge, decodedPath, RequestRefusedError, refusals, unroutedRefusal } from './refusals';
import { jsonHeaders, ORIGIN_VERIFY_HEADER } from './security-headers';
import { cookieValue, DEVICE_COOKIE, SESSION_COOKIE, STEP_COOKIE } from './session-cookie';

type Event = APIGatewayProxyEventV2;
type Result = APIGatewayProxyStructuredResultV2;

/** What a use case hands back; the chain turns it into an HTTP answer with the security headers. */
export interface Answer {
  statusCode?: number;
  body: unknown;
  cookies?: string[];
}

export interface ApiRequest<Body> {
  body: Body;
  sessionId: string | undefined;
  /** The step cookie's id: a sign-in in progress, before there is a session. */
  stepId: string | undefined;
  /** The browser: its source IP and user agent as API Gateway saw them, and its device cookie. */
  client: Client;
}

/** The logger's per-request keys; Powertools' Logger has these methods. */
export interface RequestLogger {
  appendKeys(keys: Record<string, unknown>): void;
  removeKeys(keys: string[]): void;
  error(message: string, ...extra: unknown[]): void;
}

export interface ApiHandlerOptions<Schema extends z.ZodMiniType> {
  /** The site's origin: the only one allowed to change state. */
  siteUrl: string;
  logger: RequestLogger;
  /** What CloudFront sends in `x-origin-verify`; requests without it came around CloudFront. */
  originSecret?: () => Promise<string>;
  body?: Schema;
  run: (request: ApiRequest<z.infer<Schema>>) => Promise<Answer>;
}

function toResult(statusCode: number, body: unknown, cookies?: string[]): Result {
  return {
    statusCode,
    headers: { ...jsonHeaders },
    cookies,
    body: JSON.stringify(body),
  };
}

const REQUEST_KEYS = ['requestId', 'sourceIp', 'userAgent'];

/** Source IP, user agent and request id on every log line of this request, audit lines included. */
function requestContext(logger: RequestLogger): MiddlewareObj<Event, Result> {
  const forget = () => logger.removeKeys(REQUEST_KEYS);
  return {
    before: ({ event }) => {
      const http = event.requestContext?.http;
      logger.appendKeys({ requestId: event.requestContext?.requestId, sourceIp: http?.sourceIp, userAgent: http?.userAgent });
    },
    after: forget,
    onError: forget,
  };
}

/**
 * State changes only as JSON from the site's own pages: a cross-site form post can send neither
 * `application/json` nor our Origin, so this (with SameSite=Strict) closes CSRF.
 */
function sameOriginJson(siteUrl: string): MiddlewareObj<Event, Result> {
  const siteOrigin = new URL(siteUrl).origin;
  return {
    before: ({ event }) => {
      if (event.requestContext.http.method === 'GET') return;
      const headers = event.headers ?? {};
      if (!/^application\/json\s*(;|$)/i.test(headers['content-type'] ?? '')) {
        throw new RequestRefusedError(415, 'UNSUPPORTED_MEDIA_TYPE', 'この操作は受け付けられません。');
      }
      if (headers.origin !== siteOrigin) {
        throw new RequestRefusedError(403, 'FOREIGN_ORIGIN', 'この操作は受け付けられません。ページを開き直してお試しください。');
      }
    },
  };
}

function parseBody<Schema extends z.ZodMiniType>(event: Event, schema: Schema): z.infer<Schema> {
  let json: unknown;
  try {
    const raw = event.isBase64Encoded ? Buffer.from(event.body ?? '', 'base64').toString('utf8') : event.body;
    json = JSON.parse(raw || '{}');
  } catch {
    throw new ValidationError({});
  }
  const parsed = schema.safeParse(json);
  if (parsed.success) return parsed.data;
  const fields: Record<string, string> = {};
  // A refusal of the body as a whole names no field: the general message says it.
  for (const issue of parsed.error.issues) if (issue.path.length > 0) fields[String(issue.path[0])] ??= issue.message;
  throw new ValidationError(fields);
}

/** API Gateway is public; only requests that came through CloudFront (and its WAF) carry the secret. */
function throughCloudFront(originSecret: () => Promise<string>): MiddlewareObj<Event, Result> {
  return {
    before: async ({ event }) => {
      const expected = Buffer.from(await originSecret());
      const given = Buffer.from(event.headers?.[ORIGIN_VERIFY_HEADER] ?? '');
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
        throw new RequestRefusedError(403, 'FORBIDDEN', 'この操作は受け付けられません。');
      }
    },
  };
}

/**
 * A domain error or refusal answers as mapped; a failing AWS dependency answers 503 (try again),
 * logged with its cause; anything else is a bug: logged whole, answered with the generic 500.
 */
function answerOrLog(error: unknown, logger: RequestLogger): ErrorAnswer {
  const known = answerFor(error);
  if (known) return known;
  if (isDependencyFault(error)) {
    logger.error('dependency unavailable', faultSummary(error));
    return dependencyUnavailableAnswer;
  }
  logger.error('unhandled error', error as Error);
  return internalErrorAnswer;
}

/** Registered last so that its onError runs first: every failure leaves as a mapped answer. */
function answerErrors(logger: RequestLogger): MiddlewareObj<Event, Result> {
  return {
    onError: (request) => {
      request.response = errorResponse(answerOrLog(request.error, logger));
    },
  };
}

function clientOf(event: Event): Client {
  const http = event.requestContext.http;
  const deviceId = cookieValue(event.cookies, DEVICE_COOKIE);
  return { ip: http.sourceIp ?? '', userAgent: http.userAgent ?? '', ...(deviceId && { deviceId }) };
}

/** One API route: refuse requests from around CloudFront or other sites, validate the body, run one use case, answer. */
export function apiHandler<Schema extends z.ZodMiniType>(options: ApiHandlerOptions<Schema>) {
  const chain = middy<Event, Result>().use(requestContext(options.logger));
  if (options.originSecret) chain.use(throughCloudFront(options.originSecret));
  return chain
    .use(sameOriginJson(options.siteUrl))
    .use(answerErrors(options.logger))
    .handler(async (event) => {
      if (bodyTooLarge(event.body, event.isBase64Encoded)) throw refusals.bodyTooLarge();
      const body = (options.body ? parseBody(event, options.body) : {}) as z.infer<Schema>;
      const answer = await options.run({
        body,
        sessionId: cookieValue(event.cookies, SESSION_COOKIE),
        stepId: cookieValue(event.cookies, STEP_COOKIE),
        client: clientOf(event),
      });
      return toResult(answer.statusCode ?? 200, answer.body, answer.cookies);
    });
}

export interface UnroutedHandlerOptions {
  logger: RequestLogger;
  originSecret?: () => Promise<string>;
}

/**
 * The API's default route: whatever no route takes gets the product's JSON 404, or 405 with
 * `Allow` on a known path asked with another method (lambdas/routes.ts decides which).
 */
export function unroutedHandler(options: UnroutedHandlerOptions) {
  const chain = middy<Event, Result>().use(requestContext(options.logger));
  if (options.originSecret) chain.use(throughCloudFront(options.originSecret));
  return chain.use(answerErrors(options.logger)).handler(async (event) => {
    const path = decodedPath(event.rawPath ?? event.requestContext.http.path);
    if (path instanceof RequestRefusedError) throw path;
    throw unroutedRefusal(event.requestContext.http.method, path) ?? refusals.notFound();
  });
}
