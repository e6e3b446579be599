import { ProvisionedThroughputExceededException } from '@aws-sdk/client-dynamodb';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import { MailNotSentError } from '../../../lambdas/domain/errors';
import { apiHandler, type RequestLogger, unroutedHandler } from '../../../lambdas/http/api-handler';
import { answerFor, errorResponse } from '../../../lambdas/http/error-answers';
import { decodedPath, RequestRefusedError, unroutedRefusal } from '../../../lambdas/http/refusals';

const SITE_URL = 'https://support.example.jp';
const logger = () => {
  const errors: unknown[][] = [];
  const log: RequestLogger = { appendKeys: () => {}, removeKeys: () => {}, error: (message, ...extra) => errors.push([message, ...extra]) };
  return { log, errors };
};

function event(method: string, rawPath: string, body?: string): APIGatewayProxyEventV2 {
  return {
    version: '2.0',
    routeKey: '$default',
    rawPath,
    rawQueryString: '',
    headers: { 'content-type': 'application/json', origin: SITE_URL },
    requestContext: {
      http: { method, path: rawPath, protocol: 'HTTP/1.1', sourceIp: '203.0.113.7', userAgent: 'Chrome' },
      requestId: 'r',
    } as APIGatewayProxyEventV2['requestContext'],
    body,
    isBase64Encoded: false,
  };
}
const call = (handler: ReturnType<typeof apiHandler>, e: APIGatewayProxyEventV2) =>
  handler(e, {} as Context) as Promise<APIGatewayProxyStructuredResultV2>;

describe('a failing dependency in the chain', () => {
  it('answers 503 with Retry-After and a Japanese try-again message, logging the cause without a stack in the answer', async () => {
    const { log, errors } = logger();
    const fault = new ProvisionedThroughputExceededException({ message: 'Throughput exceeded for table accounts-prod', $metadata: {} });
    const handler = apiHandler({ siteUrl: SITE_URL, logger: log, run: async () => Promise.reject(fault) });
    const result = await call(handler, event('POST', '/api/login', '{}'));
    expect(result.statusCode).toBe(503);
    expect(result.headers).toMatchObject({ 'Retry-After': '5', 'X-Content-Type-Options': 'nosniff' });
    expect(JSON.parse(result.body!)).toEqual({
      error: { code: 'TEMPORARILY_UNAVAILABLE', message: expect.stringContaining('再度お試しください') },
    });
    expect(result.body).not.toMatch(/accounts-prod|Throughput|at /);
    expect(errors).toEqual([
      [
        'dependency unavailable',
        expect.objectContaining({ errorName: 'ProvisionedThroughputExceededException', errorMessage: fault.message }),
      ],
    ]);
  });

  it('gives the mail failure its Retry-After too', () => {
    expect(errorResponse(answerFor(new MailNotSentError(new Error('x')))!).headers['Retry-After']).toBe('5');
  });

  it('keeps a plain bug the generic 500, without Retry-After', async () => {
    const { log } = logger();
    const handler = apiHandler({ siteUrl: SITE_URL, logger: log, run: async () => Promise.reject(new TypeError('x is undefined')) });
    const result = await call(handler, event('POST', '/api/login', '{}'));
    expect(result.statusCode).toBe(500);
    expect(result.headers?.['Retry-After']).toBeUndefined();
  });

  it('refuses a body over 64 KiB with 413 before running anything', async () => {
    const { log } = logger();
    const run = jest.fn();
    const result = await call(apiHandler({ siteUrl: SITE_URL, logger: log, run }), event('POST', '/api/login', 'x'.repeat(65 * 1024)));
    expect(result.statusCode).toBe(413);
    expect(JSON.parse(result.body!).error.code).toBe('PAYLOAD_TOO_LARGE');
    expect(run).not.toHaveBeenCalled();
  });
});

describe('refusals', () => {
  it.each([
    ['GET', '/api/nothing', 404, undefined],
    ['GET', '/api/login', 405, 'POST'],
    ['POST', '/api/me', 405, 'GET'],
  ])('%s %s → %i', (method, path, status, allow) => {
    const refusal = unroutedRefusal(method, path)!;
    expect(refusal.statusCode).toBe(status);
    expect(refusal.headers.Allow).toBe(allow);
  });

  it('lets a routed request through', () => {
    expect(unroutedRefusal('POST', '/api/login')).toBeUndefined();
  });

  it.each(['/%', '/%ff', '/api/%E0%A4%A'])('refuses the malformed encoding of %s with 400', (path) => {
    expect(decodedPath(path)).toBeInstanceOf(RequestRefusedError);
    expect((decodedPath(path) as RequestRefusedError).statusCode).toBe(400);
  });
});

describe('the default route handler', () => {
  it.each([
    ['GET', '/api/nothing', 404, undefined],
    ['DELETE', '/api/login', 405, 'POST'],
    ['GET', '/api/%ff', 400, undefined],
  ])('%s %s answers %i JSON with the security headers', async (method, path, status, allow) => {
    const { log, errors } = logger();
    const handler = unroutedHandler({ logger: log });
    const result = (await handler(event(method, path), {} as Context)) as APIGatewayProxyStructuredResultV2;
    expect(result.statusCode).toBe(status);
    expect(result.headers).toMatchObject({
      'Content-Security-Policy': expect.any(String),
      'content-type': 'application/json; charset=utf-8',
    });
    expect(result.headers?.Allow).toBe(allow);
    expect(JSON.parse(result.body!).error.message).toMatch(/[ぁ-ん]/);
    expect(errors).toEqual([]);
  });
});
