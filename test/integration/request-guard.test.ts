/** What every answer carries and what the API refuses before any use case runs. */
import { startLocalStack, type LocalStack } from '../support/local-stack';

let stack: LocalStack;
beforeAll(async () => {
  stack = await startLocalStack({ port: 3202, mailboxPort: 18202, env: { POWERTOOLS_LOG_LEVEL: 'SILENT' } });
});
afterAll(() => stack?.stop());

const SECURITY_HEADERS = {
  'content-security-policy': expect.stringContaining("default-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'"),
  'strict-transport-security': expect.stringMatching(/^max-age=\d{8}; includeSubDomains$/),
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
};

const headersOf = (response: Response) => Object.fromEntries(response.headers);

describe('security headers', () => {
  it.each(['/', '/first-login.html', '/passcode.html', '/home.html', '/no-such-page.html', '/api/me', '/api/nothing'])(
    'are on %s',
    async (path) => {
      const response = await fetch(`${stack.siteUrl}${path}`);
      expect(headersOf(response)).toMatchObject(SECURITY_HEADERS);
    },
  );
});

describe('state-changing calls', () => {
  const login = (headers: Record<string, string>) =>
    fetch(`${stack.siteUrl}/api/login`, { method: 'POST', headers, body: JSON.stringify({ loginId: 'a@example.com', password: 'x' }) });

  it('refuse a form post (not JSON) with 415', async () => {
    const response = await login({ 'content-type': 'application/x-www-form-urlencoded', origin: stack.siteUrl });
    expect(response.status).toBe(415);
    expect(headersOf(response)).toMatchObject(SECURITY_HEADERS);
  });

  it('refuse another origin with 403', async () => {
    const response = await login({ 'content-type': 'application/json', origin: 'https://evil.example' });
    expect(response.status).toBe(403);
    expect((await response.json()).error.code).toBe('FOREIGN_ORIGIN');
  });

  it('refuse a missing origin with 403', async () => {
    const response = await login({ 'content-type': 'application/json' });
    expect(response.status).toBe(403);
  });

  it('answer malformed JSON with a Japanese message and no internals', async () => {
    const response = await fetch(`${stack.siteUrl}/api/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: stack.siteUrl },
      body: '{"loginId":',
    });
    const text = await response.text();
    expect(response.status).toBe(400);
    expect(JSON.parse(text).error.message).toBe('入力内容に誤りがあります。');
    expect(text).not.toMatch(/SyntaxError|at .*\.ts|node_modules/);
  });
});
