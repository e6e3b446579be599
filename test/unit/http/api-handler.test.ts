import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import * as z from 'zod/mini';
import { InvalidCredentialsError, LinkInvalidError } from '../../../lambdas/domain/errors';
import { apiHandler, type Answer, type ApiRequest, type RequestLogger } from '../../../lambdas/http/api-handler';
import { emailField, passwordField } from '../../../lambdas/http/fields';
import { DEVICE_COOKIE, SESSION_COOKIE } from '../../../lambdas/http/session-cookie';

const SITE_URL = 'https://support.example.jp';

class RecordingLogger implements RequestLogger {
  readonly keys: Record<string, unknown> = {};
  readonly errors: unknown[][] = [];

  appendKeys(keys: Record<string, unknown>): void {
    Object.assign(this.keys, keys);
  }

  removeKeys(keys: string[]): void {
    for (const key of keys) delete this.keys[key];
  }

  error(message: string, ...extra: unknown[]): void {
    this.errors.push([message, ...extra]);
  }
}

function event(
  overrides: { method?: string; headers?: Record<string, string>; body?: string; cookies?: string[]; isBase64Encoded?: boolean } = {},
): APIGatewayProxyEventV2 {
  const method = overrides.method ?? 'POST';
  return {
    version: '2.0',
    routeKey: `${method} /api/test`,
    rawPath: '/api/test',
    rawQueryString: '',
    cookies: overrides.cookies,
    headers: overrides.headers ?? { 'content-type': 'application/json', origin: SITE_URL },
    requestContext: {
      accountId: '123456789012',
      apiId: 'api',
      domainName: 'support.example.jp',
      domainPrefix: 'support',
      http: { method, path: '/api/test', protocol: 'HTTP/1.1', sourceIp: '203.0.113.7', userAgent: 'Chrome' },
      requestId: 'req-1',
      routeKey: `${method} /api/test`,
      stage: '$default',
      time: '01/Apr/2025:09:00:00 +0000',
      timeEpoch: 1743498000000,
    },
    body: overrides.body,
    isBase64Encoded: overrides.isBase64Encoded ?? false,
  };
}

const schema = z.object({ email: emailField, password: passwordField('パスワード') });
const GOOD_BODY = JSON.stringify({ email: 'hanako@example.com', password: 'Vt4!rW9q]Zm2' });

function build(run: (request: ApiRequest<z.infer<typeof schema>>) => Promise<Answer>) {
  const logger = new RecordingLogger();
  const calls: ApiRequest<z.infer<typeof schema>>[] = [];
  const handler = apiHandler({
    siteUrl: SITE_URL,
    logger,
    body: schema,
    run: async (request) => {
      calls.push(request);
      return run(request);
    },
  });
  const invoke = (e: APIGatewayProxyEventV2) => handler(e, {} as Context) as Promise<APIGatewayProxyStructuredResultV2>;
  return { invoke, logger, calls };
}

const bodyOf = (result: APIGatewayProxyStructuredResultV2) => JSON.parse(result.body ?? 'null');

function expectSecurityHeaders(result: APIGatewayProxyStructuredResultV2) {
  expect(result.headers).toMatchObject({
    'Content-Security-Policy': expect.stringContaining("default-src 'self'"),
    'Strict-Transport-Security': expect.stringMatching(/^max-age=\d+/),
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
  });
  const csp = String(result.headers?.['Content-Security-Policy']);
  for (const directive of ["object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'"]) expect(csp).toContain(directive);
  expect(csp).not.toContain('unsafe-inline');
}

describe('apiHandler', () => {
  it('runs the use case with the validated body and session id, and answers JSON', async () => {
    // Prepare
    const { invoke, calls } = build(async () => ({ body: { ok: true }, cookies: ['a=b'] }));

    // Act
    const result = await invoke(event({ body: GOOD_BODY, cookies: [`${SESSION_COOKIE}=sid-1`] }));

    // Assess
    expect(result.statusCode).toBe(200);
    expect(bodyOf(result)).toEqual({ ok: true });
    expect(result.cookies).toEqual(['a=b']);
    expect(result.headers).toMatchObject({ 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
    expect(calls).toEqual([
      {
        body: { email: 'hanako@example.com', password: 'Vt4!rW9q]Zm2' },
        sessionId: 'sid-1',
        stepId: undefined,
        client: { ip: '203.0.113.7', userAgent: 'Chrome' },
      },
    ]);
    expectSecurityHeaders(result);
  });

  it("hands the use case the browser: API Gateway's source IP and user agent, and the device cookie", async () => {
    // Prepare
    const { invoke, calls } = build(async () => ({ body: { ok: true } }));

    // Act
    await invoke(event({ body: GOOD_BODY, cookies: [`${SESSION_COOKIE}=sid-1`, `${DEVICE_COOKIE}=device-1`] }));

    // Assess
    expect(calls.map((call) => call.client)).toEqual([{ ip: '203.0.113.7', userAgent: 'Chrome', deviceId: 'device-1' }]);
  });

  it('takes a base64-encoded body', async () => {
    // Prepare
    const { invoke, calls } = build(async () => ({ body: { ok: true } }));

    // Act
    const result = await invoke(event({ body: Buffer.from(GOOD_BODY).toString('base64'), isBase64Encoded: true }));

    // Assess
    expect(result.statusCode).toBe(200);
    expect(calls[0].body.email).toBe('hanako@example.com');
  });

  it('accepts application/json with a charset', async () => {
    // Prepare
    const { invoke } = build(async () => ({ body: { ok: true } }));

    // Act
    const result = await invoke(
      event({ body: GOOD_BODY, headers: { 'content-type': 'application/json; charset=UTF-8', origin: SITE_URL } }),
    );

    // Assess
    expect(result.statusCode).toBe(200);
  });

  describe('requests refused before the use case', () => {
    it.each([
      ['no content type', { origin: SITE_URL }],
      ['a form post', { 'content-type': 'application/x-www-form-urlencoded', origin: SITE_URL }],
      ['text/plain', { 'content-type': 'text/plain', origin: SITE_URL }],
      ['a JSON look-alike', { 'content-type': 'application/jsonp', origin: SITE_URL }],
    ])('answers 415 to a POST with %s', async (_label, headers) => {
      // Prepare
      const { invoke, calls } = build(async () => ({ body: { ok: true } }));

      // Act
      const result = await invoke(event({ body: GOOD_BODY, headers }));

      // Assess
      expect(result.statusCode).toBe(415);
      expect(bodyOf(result).error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
      expect(calls).toEqual([]);
      expectSecurityHeaders(result);
    });

    it.each([
      ['a foreign origin', 'https://evil.example.com'],
      ['a sibling subdomain', 'https://evil.support.example.jp'],
      ['the site over plain http', 'http://support.example.jp'],
      ['an empty origin', ''],
    ])('answers 403 to %s', async (_label, origin) => {
      // Prepare
      const { invoke, calls } = build(async () => ({ body: { ok: true } }));

      // Act
      const result = await invoke(event({ body: GOOD_BODY, headers: { 'content-type': 'application/json', origin } }));

      // Assess
      expect(result.statusCode).toBe(403);
      expect(bodyOf(result).error).toEqual({
        code: 'FOREIGN_ORIGIN',
        message: 'この操作は受け付けられません。ページを開き直してお試しください。',
      });
      expect(calls).toEqual([]);
      expectSecurityHeaders(result);
    });

    it('answers 403 to a POST without an Origin header', async () => {
      // Prepare
      const { invoke } = build(async () => ({ body: { ok: true } }));

      // Act
      const result = await invoke(event({ body: GOOD_BODY, headers: { 'content-type': 'application/json' } }));

      // Assess
      expect(result.statusCode).toBe(403);
    });

    it('lets a GET through without content type or origin', async () => {
      // Prepare
      const logger = new RecordingLogger();
      const handler = apiHandler({ siteUrl: SITE_URL, logger, run: async ({ sessionId }) => ({ body: { sessionId } }) });

      // Act
      const result = (await handler(
        event({ method: 'GET', headers: {}, cookies: [`${SESSION_COOKIE}=sid-2`] }),
        {} as Context,
      )) as APIGatewayProxyStructuredResultV2;

      // Assess
      expect(result.statusCode).toBe(200);
      expect(bodyOf(result)).toEqual({ sessionId: 'sid-2' });
      expectSecurityHeaders(result);
    });
  });

  describe('validation', () => {
    it('answers 400 VALIDATION to a body that is not JSON', async () => {
      // Prepare
      const { invoke, calls } = build(async () => ({ body: { ok: true } }));

      // Act
      const result = await invoke(event({ body: '{"email": ' }));

      // Assess
      expect(result.statusCode).toBe(400);
      expect(bodyOf(result).error).toEqual({ code: 'VALIDATION', message: '入力内容に誤りがあります。', fields: {} });
      expect(calls).toEqual([]);
      expectSecurityHeaders(result);
    });

    it('answers 400 with the Japanese message of each wrong field', async () => {
      // Prepare
      const { invoke, calls } = build(async () => ({ body: { ok: true } }));

      // Act
      const result = await invoke(event({ body: JSON.stringify({ email: 'not-an-email' }) }));

      // Assess
      expect(result.statusCode).toBe(400);
      expect(bodyOf(result).error).toEqual({
        code: 'VALIDATION',
        message: '入力内容に誤りがあります。',
        fields: { email: 'メールアドレスの形式が正しくありません。', password: 'パスワードを入力してください。' },
      });
      expect(calls).toEqual([]);
    });

    it('treats an empty body as an empty object', async () => {
      // Prepare
      const { invoke } = build(async () => ({ body: { ok: true } }));

      // Act
      const result = await invoke(event({ body: undefined }));

      // Assess
      expect(result.statusCode).toBe(400);
      expect(Object.keys(bodyOf(result).error.fields).sort()).toEqual(['email', 'password']);
    });
  });

  describe('errors thrown by the use case', () => {
    it('answers a domain error through the one mapping', async () => {
      // Prepare
      const { invoke, logger } = build(async () => {
        throw new LinkInvalidError('used');
      });

      // Act
      const result = await invoke(event({ body: GOOD_BODY }));

      // Assess
      expect(result.statusCode).toBe(410);
      expect(bodyOf(result).error).toMatchObject({ code: 'LINK_INVALID', reason: 'used' });
      expect(logger.errors).toEqual([]);
      expectSecurityHeaders(result);
    });

    it('answers 401 with the one credentials message, whatever the reason', async () => {
      // Prepare
      const { invoke } = build(async () => {
        throw new InvalidCredentialsError('account disabled');
      });

      // Act
      const result = await invoke(event({ body: GOOD_BODY }));

      // Assess
      expect(result.statusCode).toBe(401);
      expect(result.body).not.toContain('disabled');
    });

    it('answers an unknown error with a generic Japanese 500 and logs it, showing nothing of it', async () => {
      // Prepare
      const fault = new Error('ResourceNotFoundException: Requested resource not found: Table: accounts-prod');
      const { invoke, logger } = build(async () => {
        throw fault;
      });

      // Act
      const result = await invoke(event({ body: GOOD_BODY }));

      // Assess
      expect(result.statusCode).toBe(500);
      expect(bodyOf(result)).toEqual({
        error: { code: 'INTERNAL', message: 'システムエラーが発生しました。時間をおいて再度お試しください。' },
      });
      for (const leak of ['accounts-prod', 'ResourceNotFound', 'at ', 'stack', '.ts']) expect(result.body).not.toContain(leak);
      expect(result.cookies).toBeUndefined();
      expect(logger.errors).toEqual([['unhandled error', fault]]);
      expectSecurityHeaders(result);
    });
  });

  describe('request context in the logs', () => {
    it('adds request id, source IP and user agent while the request runs, and removes them after', async () => {
      // Prepare
      let during: Record<string, unknown> = {};
      const logger = new RecordingLogger();
      const handler = apiHandler({
        siteUrl: SITE_URL,
        logger,
        body: schema,
        run: async () => {
          during = { ...logger.keys };
          return { body: { ok: true } };
        },
      });

      // Act
      await handler(event({ body: GOOD_BODY }), {} as Context);

      // Assess
      expect(during).toEqual({ requestId: 'req-1', sourceIp: '203.0.113.7', userAgent: 'Chrome' });
      expect(logger.keys).toEqual({});
    });

    it('removes them after a failure too', async () => {
      // Prepare
      const { invoke, logger } = build(async () => {
        throw new Error('boom');
      });

      // Act
      await invoke(event({ body: GOOD_BODY }));

      // Assess
      expect(logger.keys).toEqual({});
    });
  });
});
