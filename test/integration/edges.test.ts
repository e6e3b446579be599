/** Whatever arrives, the local stack answers: the security headers, and under /api/ the product's JSON error. */
import { request as httpRequest } from 'node:http';
import { connect } from 'node:net';
import { startLocalStack, type LocalStack } from '../support/local-stack';

let stack: LocalStack;
beforeAll(async () => {
  stack = await startLocalStack({ port: 3209, mailboxPort: 18209, env: { POWERTOOLS_LOG_LEVEL: 'SILENT' } });
});
afterAll(() => stack?.stop());

const SECURITY_HEADERS = {
  'content-security-policy': expect.stringContaining("default-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'"),
  'strict-transport-security': expect.stringMatching(/^max-age=\d{8}; includeSubDomains$/),
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
};

interface Raw {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** A request as written, path untouched (fetch would normalise `/%` away or refuse it). */
function send(method: string, path: string, options: { headers?: Record<string, string>; body?: Buffer | string } = {}): Promise<Raw> {
  const { port } = new URL(stack.siteUrl);
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, method, path, headers: options.headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

/** Bytes on a socket, for what Node's own client would not send; the whole answer as text. */
function sendRaw(text: string): Promise<string> {
  const { port } = new URL(stack.siteUrl);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), '127.0.0.1', () => socket.write(text));
    const chunks: Buffer[] = [];
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    socket.on('error', (error: NodeJS.ErrnoException) =>
      error.code === 'ECONNRESET' && chunks.length > 0 ? resolve(Buffer.concat(chunks).toString('utf8')) : reject(error),
    );
  });
}

function expectApiError(answer: Raw, status: number, code: string) {
  expect(answer.status).toBe(status);
  expect(answer.headers).toMatchObject({ ...SECURITY_HEADERS, 'content-type': 'application/json; charset=utf-8' });
  const body = JSON.parse(answer.body);
  expect(body).toEqual({ error: { code, message: expect.stringMatching(/[ぁ-んァ-ヶ一-龠]/) } });
  expect(answer.body).not.toMatch(/Error:|at .*\.ts|node_modules|stack/);
}

async function expectStillServing() {
  const page = await send('GET', '/');
  expect(page.status).toBe(200);
  expect(page.body).toContain('login-form');
  const me = await send('GET', '/api/me');
  expectApiError(me, 401, 'SESSION_REQUIRED');
}

describe('malformed percent-encoding', () => {
  it.each(['/api/%', '/api/%ff', '/api/login%'])('%s: 400 JSON', async (path) => {
    expectApiError(await send('GET', path), 400, 'MALFORMED_PATH');
  });

  it.each(['/%', '/%ff', '/css/%E0%A4%A'])('%s: 400 with the error page', async (path) => {
    const answer = await send('GET', path);
    expect(answer.status).toBe(400);
    expect(answer.headers).toMatchObject({ ...SECURITY_HEADERS, 'content-type': 'text/html; charset=utf-8' });
    expect(answer.body).toContain('リクエストを処理できませんでした');
    expect(answer.body).toContain('href="/index.html"');
  });
});

describe('a body over 64 KiB', () => {
  it('gets 413 JSON that actually arrives, and the server goes on', async () => {
    const answer = await send('POST', '/api/login', {
      headers: { 'content-type': 'application/json', origin: stack.siteUrl },
      body: JSON.stringify({ loginId: 'a@example.com', password: 'x'.repeat(100 * 1024) }),
    });
    expectApiError(answer, 413, 'PAYLOAD_TOO_LARGE');
    await expectStillServing();
  });

  it('gets 413 even on an unknown path', async () => {
    expectApiError(await send('POST', '/api/nothing', { body: Buffer.alloc(100 * 1024, 'a') }), 413, 'PAYLOAD_TOO_LARGE');
  });

  it('just under the limit is read and judged as usual', async () => {
    const answer = await send('POST', '/api/login', {
      headers: { 'content-type': 'application/json', origin: stack.siteUrl },
      body: JSON.stringify({ loginId: 'a@example.com', password: 'x'.repeat(60 * 1024) }),
    });
    expect(answer.status).toBe(400);
  });
});

describe('overlong requests', () => {
  it('a 20 KB URL under /api/ gets 414 JSON', async () => {
    expectApiError(await send('GET', `/api/me?${'q'.repeat(20_000)}`), 414, 'URI_TOO_LONG');
    await expectStillServing();
  });

  it('a 20 KB URL of a page gets 414 with the security headers', async () => {
    const answer = await send('GET', `/${'a'.repeat(20_000)}.html`);
    expect(answer.status).toBe(414);
    expect(answer.headers).toMatchObject(SECURITY_HEADERS);
  });

  it('a 20 KB header gets 431 JSON', async () => {
    expectApiError(await send('GET', '/api/me', { headers: { 'x-padding': 'p'.repeat(20_000) } }), 431, 'HEADERS_TOO_LARGE');
    await expectStillServing();
  });

  it("headers past Node's own parser limit still get a 431 with the security headers", async () => {
    const answer = await sendRaw(`GET /api/me HTTP/1.1\r\nHost: localhost\r\nX-Padding: ${'p'.repeat(100_000)}\r\n\r\n`);
    expect(answer).toMatch(/^HTTP\/1\.1 431 /);
    expect(answer).toMatch(/\r\nstrict-transport-security: max-age=\d+; includeSubDomains\r\n/i);
    expect(answer).toMatch(/\r\ncontent-security-policy: default-src 'self'/i);
    expect(JSON.parse(answer.slice(answer.indexOf('\r\n\r\n') + 4)).error.code).toBe('HEADERS_TOO_LARGE');
    await expectStillServing();
  });

  it("a URL past Node's own parser limit gets a 414", async () => {
    const answer = await sendRaw(`GET /api/me?${'q'.repeat(100_000)} HTTP/1.1\r\nHost: localhost\r\n\r\n`);
    expect(answer).toMatch(/^HTTP\/1\.1 414 /);
    expect(answer).toMatch(/\r\nx-content-type-options: nosniff\r\n/i);
  });

  it('a request line Node cannot read gets a 400 with the security headers', async () => {
    const answer = await sendRaw('NOT A REQUEST\r\n\r\n');
    expect(answer).toMatch(/^HTTP\/1\.1 400 /);
    expect(answer).toMatch(/\r\nx-frame-options: DENY\r\n/i);
    await expectStillServing();
  });
});

describe('methods and paths', () => {
  it('a wrong method on a known API path gets 405 with Allow', async () => {
    const answer = await send('GET', '/api/login');
    expectApiError(answer, 405, 'METHOD_NOT_ALLOWED');
    expect(answer.headers.allow).toBe('POST');
  });

  it('POST on the GET-only /api/me gets 405 with Allow: GET', async () => {
    const answer = await send('POST', '/api/me', { headers: { 'content-type': 'application/json', origin: stack.siteUrl }, body: '{}' });
    expectApiError(answer, 405, 'METHOD_NOT_ALLOWED');
    expect(answer.headers.allow).toBe('GET');
  });

  it.each([
    ['GET', '/api/nothing'],
    ['DELETE', '/api/nothing'],
    ['GET', '/api/'],
  ])('%s %s gets the JSON 404', async (method, path) => {
    expectApiError(await send(method, path), 404, 'NOT_FOUND');
  });

  it.each(['/no-such-page.html', '/a/b/c', '/js/none.js'])('%s gets the styled 404 page', async (path) => {
    const answer = await send('GET', path);
    expect(answer.status).toBe(404);
    expect(answer.headers).toMatchObject({ ...SECURITY_HEADERS, 'content-type': 'text/html; charset=utf-8' });
    expect(answer.body).toContain('ページが見つかりません');
    expect(answer.body).toContain('<link rel="stylesheet" href="/css/site.css">');
    expect(answer.body).toContain('href="/index.html"');
  });

  it('a state change on a page gets 405 with Allow', async () => {
    const answer = await send('POST', '/index.html', { body: 'x' });
    expect(answer.status).toBe(405);
    expect(answer.headers.allow).toBe('GET, HEAD');
    expect(answer.headers).toMatchObject(SECURITY_HEADERS);
    await expectStillServing();
  });
});
