import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import { apiHandler } from '../../../lambdas/http/api-handler';

const SITE_URL = 'https://support.example.jp';
const SECRET = 'cloudfront-origin-secret-0123456789abcdef';

const logger = { appendKeys: () => undefined, removeKeys: () => undefined, error: () => undefined };

function request(headers: Record<string, string>, method = 'POST'): APIGatewayProxyEventV2 {
  return {
    version: '2.0',
    routeKey: `${method} /api/test`,
    rawPath: '/api/test',
    rawQueryString: '',
    headers: { 'content-type': 'application/json', origin: SITE_URL, ...headers },
    requestContext: { http: { method, path: '/api/test', sourceIp: '203.0.113.7', userAgent: 'Chrome' }, requestId: 'r' },
    body: '{}',
    isBase64Encoded: false,
  } as unknown as APIGatewayProxyEventV2;
}

describe('requests from around CloudFront', () => {
  const ran: string[] = [];
  const handler = apiHandler({
    siteUrl: SITE_URL,
    logger,
    originSecret: async () => SECRET,
    run: async () => {
      ran.push('run');
      return { body: { ok: true } };
    },
  });
  const invoke = (e: APIGatewayProxyEventV2) => handler(e, {} as Context) as Promise<APIGatewayProxyStructuredResultV2>;

  beforeEach(() => {
    ran.length = 0;
  });

  it('pass with the secret CloudFront adds', async () => {
    const result = await invoke(request({ 'x-origin-verify': SECRET }));
    expect(result.statusCode).toBe(200);
    expect(ran).toEqual(['run']);
  });

  it.each([
    ['no header', {}],
    ['a wrong value', { 'x-origin-verify': 'x'.repeat(SECRET.length) }],
    ['a prefix of the secret', { 'x-origin-verify': SECRET.slice(0, 10) }],
  ])('are refused with 403 before anything runs: %s', async (_case, headers) => {
    const result = await invoke(request(headers));
    expect(result.statusCode).toBe(403);
    expect(JSON.parse(result.body ?? '{}').error).toEqual({ code: 'FORBIDDEN', message: 'この操作は受け付けられません。' });
    expect(result.headers).toMatchObject({ 'Content-Security-Policy': expect.any(String) });
    expect(ran).toEqual([]);
  });

  it('are refused on GET too', async () => {
    const result = await invoke(request({}, 'GET'));
    expect(result.statusCode).toBe(403);
  });
});

describe('without a configured secret (local mode)', () => {
  it('lets requests through, as the local server is the only way in', async () => {
    const handler = apiHandler({ siteUrl: SITE_URL, logger, run: async () => ({ body: { ok: true } }) });
    const result = (await handler(request({}), {} as Context)) as APIGatewayProxyStructuredResultV2;
    expect(result.statusCode).toBe(200);
  });
});
