/**
 * The local stack under a few thousand generated malformed requests, sent over raw sockets so
 * nothing normalises them on the way: odd methods, broken percent-encoding, overlong paths and
 * headers, NUL bytes, invalid UTF-8, lone surrogates, `__proto__` keys, deep nesting, huge numbers,
 * wrong content types and origins, bodies over the 64 KiB limit — to every API route and page.
 *
 * Whatever arrives, the answer is an answer: never a 5xx (no dependency is made to fail here),
 * never a dropped connection, always the security headers; on `/api/` always JSON, and a 4xx
 * always `{ error: { code, message } }` in Japanese. Afterwards the server still answers normally.
 */
import fc from 'fast-check';
import { connect } from 'node:net';
import { securityHeaders } from '../../lambdas/http/security-headers';
import { routes } from '../../lambdas/routes';
import { SITE_SETTINGS_FILE } from '../../lambdas/site-settings';
import { type LocalStack, startLocalStack } from '../support/local-stack';

const PORT = 3211;
const SEED = 20_261_201;
const COUNT = 3000;
/** Sending stops here even if requests are left; the test then fails on the count. */
const TIME_BUDGET_MS = 40_000;
const CONCURRENCY = 16;
const ANSWER_TIMEOUT_MS = 10_000;
const BODY_LIMIT = 64 * 1024;

const SITE_ORIGIN = `http://localhost:${PORT}`;
/** A letter's kana or kanji and the product's full stop: how every message the merchant reads looks. */
const JAPANESE = /[\u3040-\u30ff\u4e00-\u9fff].*。$/s;

let stack: LocalStack;
beforeAll(async () => {
  stack = await startLocalStack({ port: PORT, mailboxPort: 18211, env: { POWERTOOLS_LOG_LEVEL: 'SILENT' } });
}, 120_000);
afterAll(() => stack?.stop());

// ---------------------------------------------------------------------------------------------
// What is sent

interface FuzzRequest {
  /** What kind of malformation this is, for the figures and the failure list. */
  kind: string;
  method: string;
  /** The request target exactly as it goes on the request line (may be invalid on purpose). */
  target: string | Buffer;
  headers: [string, string | Buffer][];
  body: Buffer;
}

const utf8 = (text: string) => Buffer.from(text, 'utf8');
const PAGES = ['/', '/index.html', '/first-login.html', '/passcode.html', '/home.html', '/change-password.html', `/${SITE_SETTINGS_FILE}`];
/** Paths under /api/ that no route answers. */
const UNKNOWN_API_PATHS = ['/api/nothing', '/api/', '/api', '/api/login/extra'];
const METHODS = [
  'GET',
  'POST',
  'POST',
  'POST',
  'PUT',
  'DELETE',
  'PATCH',
  'OPTIONS',
  'HEAD',
  'TRACE',
  'CONNECT',
  'PROPFIND',
  'FOO',
  'get',
  'P0ST',
];

/** Path mutations: what a broken client, a scanner or a proxy might put on the request line. */
const pathMutation = fc.constantFrom<[string, (path: string) => string | Buffer]>(
  ['plain', (p) => p],
  ['query', (p) => `${p}?a=1&a=2&__proto__[x]=1&%zz=%`],
  ['bad percent', (p) => `${p}%`],
  ['bad percent', (p) => `${p}%zz`],
  ['bad percent', (p) => `${p}%E3%81`],
  ['invalid UTF-8 percent', (p) => `${p}%C3%28`],
  ['invalid UTF-8 percent', (p) => `${p}%FF%FE`],
  ['lone surrogate percent', (p) => `${p}%ED%A0%80`],
  ['NUL percent', (p) => `${p}%00`],
  ['NUL raw', (p) => Buffer.concat([utf8(p), Buffer.from([0]), utf8('x')])],
  ['raw non-ASCII', (p) => Buffer.concat([utf8(p), Buffer.from([0xe3, 0x81, 0x82])])],
  ['raw invalid UTF-8', (p) => Buffer.concat([utf8(p), Buffer.from([0xff, 0xc0, 0xaf])])],
  ['dot segments', (p) => `${p}/../../../etc/passwd`],
  ['encoded dot segments', (p) => `/%2e%2e/%2e%2e${p}`],
  ['double slash', (p) => `//${p}`],
  ['backslash', (p) => p.replace(/\//g, '\\')],
  ['upper case', (p) => p.toUpperCase()],
  ['trailing slash', (p) => `${p}/`],
  ['overlong path', (p) => `${p}/${'a'.repeat(4000)}`],
  ['overlong path', (p) => `${p}?${'q'.repeat(20_000)}`],
  ['absolute form', (p) => `http://evil.example${p}`],
  ['asterisk', () => '*'],
);

const originHeader = fc.constantFrom<[string, string | undefined]>(
  ['site origin', SITE_ORIGIN],
  ['site origin', SITE_ORIGIN],
  ['no origin', undefined],
  ['foreign origin', 'https://evil.example'],
  ['foreign origin', 'null'],
  ['foreign origin', `${SITE_ORIGIN}.evil.example`],
  ['foreign origin', `${SITE_ORIGIN}/`],
  ['foreign origin', SITE_ORIGIN.toUpperCase()],
);

const contentType = fc.constantFrom<[string, string | undefined]>(
  ['json', 'application/json'],
  ['json', 'application/json; charset=utf-8'],
  ['json', 'APPLICATION/JSON;charset=UTF-8'],
  ['no content type', undefined],
  ['wrong content type', 'text/plain'],
  ['wrong content type', 'application/x-www-form-urlencoded'],
  ['wrong content type', 'multipart/form-data; boundary=x'],
  ['wrong content type', 'application/jsonx'],
  ['wrong content type', 'application/json-patch+json'],
);

const deep = (depth: number, open: string, close: string, inner = '1') => open.repeat(depth) + inner + close.repeat(depth);

const WELL_FORMED_BODIES: [string, Buffer][] = [
  ['login body', utf8(JSON.stringify({ loginId: 'fuzz@example.com', password: 'Wrong-password-1' }))],
  ['first-login body', utf8(JSON.stringify({ loginId: 'MFUZZ0001', initialPassword: 'Wrong-password-1', email: 'fuzz@example.com' }))],
  ['token body', utf8(JSON.stringify({ token: 'A'.repeat(43), passcode: '123456', newPassword: 'x', newPasswordConfirmation: 'x' }))],
  ['email body', utf8(JSON.stringify({ email: 'fuzz@example.com', newEmail: 'fuzz-new@example.com' }))],
];

/** Bodies: well-formed ones of every route's shape, and everything a JSON reader can choke on. */
const body = fc.oneof(
  fc.constantFrom<[string, Buffer]>(
    ['empty body', Buffer.alloc(0)],
    ['blank body', utf8(' \r\n\t ')],
    ['login body', utf8(JSON.stringify({ loginId: 'fuzz@example.com', password: 'Wrong-password-1' }))],
    ['first-login body', utf8(JSON.stringify({ loginId: 'MFUZZ0001', initialPassword: 'x', email: 'fuzz@example.com' }))],
    ['token body', utf8(JSON.stringify({ token: 'A'.repeat(43), passcode: '123456', newPassword: 'x', newPasswordConfirmation: 'x' }))],
    ['email body', utf8(JSON.stringify({ email: 'not-an-address', newEmail: 'also not' }))],
    ['truncated JSON', utf8('{"loginId":')],
    ['not JSON', utf8('loginId=a&password=b')],
    ['top-level array', utf8('[]')],
    ['top-level number', utf8('42')],
    ['top-level string', utf8('"loginId"')],
    ['top-level null', utf8('null')],
    ['__proto__ keys', utf8('{"__proto__":{"isAdmin":true,"loginId":"x"},"constructor":{"prototype":{"x":1}},"loginId":"a@example.com"}')],
    ['__proto__ keys', utf8('{"loginId":{"__proto__":null},"password":{"toString":"x"}}')],
    ['deep nesting', utf8(deep(20_000, '[', ']'))],
    ['deep nesting', utf8(deep(10_000, '{"a":', '}'))],
    ['deep nesting', utf8(`{"loginId":${deep(5_000, '[', ']')},"password":"x"}`)],
    ['huge numbers', utf8('{"loginId":1e999999,"password":123456789012345678901234567890123456789,"passcode":-0.0e-99999}')],
    ['NUL in JSON', utf8('{"loginId":"a\\u0000@example.com","password":"\\u0000"}')],
    ['NUL raw', Buffer.from([0x7b, 0x00, 0x7d])],
    ['lone surrogate escape', utf8('{"loginId":"\\ud800@example.com","password":"\\udfff\\ud800","email":"\\ud83d"}')],
    ['lone surrogate bytes', Buffer.concat([utf8('{"loginId":"'), Buffer.from([0xed, 0xa0, 0x80]), utf8('","password":"x"}')])],
    ['invalid UTF-8 body', Buffer.concat([utf8('{"loginId":"'), Buffer.from([0xff, 0xfe, 0xc3, 0x28, 0xc0, 0xaf]), utf8('"}')])],
    ['BOM body', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8('{"loginId":"a","password":"b"}')])],
    ['duplicate keys', utf8('{"loginId":"a","loginId":{"x":1},"password":"b","password":null}')],
    ['over 64 KiB', utf8(JSON.stringify({ loginId: 'a', password: 'x'.repeat(BODY_LIMIT + 10) }))],
    ['over 64 KiB', Buffer.alloc(BODY_LIMIT * 3, 0x61)],
    ['just under 64 KiB', utf8(JSON.stringify({ loginId: 'a', password: 'x'.repeat(BODY_LIMIT - 100) }))],
  ),
  fc.uint8Array({ maxLength: 300 }).map((bytes): [string, Buffer] => ['random bytes', Buffer.from(bytes)]),
  fc.jsonValue({ maxDepth: 4 }).map((value): [string, Buffer] => ['random JSON', utf8(JSON.stringify(value) ?? 'null')]),
  fc
    .dictionary(
      fc.constantFrom('loginId', 'password', 'email', 'newEmail', 'token', 'passcode', 'newPassword', '__proto__', 'constructor'),
      fc.oneof(fc.string({ unit: 'binary', maxLength: 40 }), fc.jsonValue({ maxDepth: 2 })),
    )
    .map((value): [string, Buffer] => ['random fields', utf8(JSON.stringify(value))]),
);

/** Extra headers: overlong, many, odd bytes, odd cookies. */
const extraHeaders = fc.constantFrom<[string, [string, string | Buffer][]]>(
  ['plain headers', []],
  ['plain headers', []],
  ['plain headers', []],
  ['session cookie', [['cookie', '__Host-session=abc; __Host-session=; =; ;;']]],
  ['session cookie', [['cookie', `__Host-session=${'%'.repeat(500)}`]]],
  ['overlong header', [['x-filler', 'a'.repeat(20_000)]]],
  ['overlong header', [['cookie', `__Host-session=${'b'.repeat(17_000)}`]]],
  ['many headers', Array.from({ length: 300 }, (_, i): [string, string] => [`x-h${i}`, 'v'])],
  ['NUL in header', [['x-nul', Buffer.from([0x61, 0x00, 0x62])]]],
  ['non-ASCII header', [['x-kana', Buffer.from('あいう', 'utf8')]]],
  ['odd origin-verify', [['x-origin-verify', 'guess']]],
  ['duplicate content type', [['content-type', 'text/plain']]],
);

const JSON_HEADERS: [string, string][] = [
  ['origin', SITE_ORIGIN],
  ['content-type', 'application/json'],
];

/** A well-formed request to one route or page: what the site itself would send. */
const wellFormed = fc
  .oneof(
    { weight: 3, arbitrary: fc.constantFrom(...routes).map((r) => ({ method: r.method as string, path: r.path, api: true })) },
    { weight: 1, arbitrary: fc.constantFrom(...PAGES).map((path) => ({ method: 'GET', path, api: false })) },
    { weight: 1, arbitrary: fc.constantFrom(...UNKNOWN_API_PATHS).map((path) => ({ method: 'POST', path, api: true })) },
  )
  .chain(({ method, path, api }) =>
    fc.constantFrom(...WELL_FORMED_BODIES).map(([, payload]) => ({
      method,
      target: path as string | Buffer,
      headers: api && method === 'POST' ? JSON_HEADERS : ([] as [string, string | Buffer][]),
      body: method === 'POST' ? payload : Buffer.alloc(0),
    })),
  );

/** One fault on a well-formed request, so each failing answer names the input that caused it. */
const oneFault = fc.oneof(
  fc.constantFrom(...METHODS).map((method) => ({ kind: `method ${method}`, apply: (r: Base) => ({ ...r, method }) })),
  pathMutation.map(([kind, mutate]) => ({ kind, apply: (r: Base) => ({ ...r, target: mutate(r.target as string) }) })),
  originHeader.map(([kind, origin]) => ({
    kind,
    apply: (r: Base) => ({
      ...r,
      headers: [...r.headers.filter(([n]) => n !== 'origin'), ...(origin ? [['origin', origin] as [string, string]] : [])],
    }),
  })),
  contentType.map(([kind, type]) => ({
    kind,
    apply: (r: Base) => ({
      ...r,
      headers: [...r.headers.filter(([n]) => n !== 'content-type'), ...(type ? [['content-type', type] as [string, string]] : [])],
    }),
  })),
  body.map(([kind, payload]) => ({ kind, apply: (r: Base) => ({ ...r, body: payload }) })),
  extraHeaders.map(([kind, extra]) => ({ kind, apply: (r: Base) => ({ ...r, headers: [...r.headers, ...extra] }) })),
);

type Base = Omit<FuzzRequest, 'kind'>;

/** Mostly one fault at a time; a share with three at once, for what only a combination breaks. */
const fuzzRequest = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.tuple(wellFormed, oneFault).map(([base, fault]): FuzzRequest => ({ ...fault.apply(base), kind: fault.kind })),
  },
  {
    weight: 1,
    arbitrary: fc.tuple(wellFormed, fc.array(oneFault, { minLength: 3, maxLength: 3 })).map(
      ([base, faults]): FuzzRequest => ({
        ...faults.reduce((r, f) => f.apply(r), base),
        kind: `combined: ${faults.map((f) => f.kind).join(' + ')}`,
      }),
    ),
  },
);

function rawRequest(request: FuzzRequest): Buffer {
  const head = [
    Buffer.concat([
      utf8(`${request.method} `),
      Buffer.isBuffer(request.target) ? request.target : utf8(request.target),
      utf8(' HTTP/1.1\r\n'),
    ]),
    utf8(`host: localhost:${PORT}\r\nconnection: close\r\ncontent-length: ${request.body.length}\r\n`),
    ...request.headers.map(([name, value]) =>
      Buffer.concat([utf8(`${name}: `), Buffer.isBuffer(value) ? value : utf8(value), utf8('\r\n')]),
    ),
    utf8('\r\n'),
  ];
  return Buffer.concat([...head, request.body]);
}

// ---------------------------------------------------------------------------------------------
// What comes back

interface Reply {
  /** Undefined when the connection closed (or timed out) without an HTTP answer. */
  status?: number;
  headers: Record<string, string>;
  body: string;
  dropped?: 'closed' | 'reset' | 'timeout';
}

function decodeChunked(data: Buffer): Buffer {
  const out: Buffer[] = [];
  let at = 0;
  for (;;) {
    const lineEnd = data.indexOf('\r\n', at);
    if (lineEnd < 0) break;
    const size = Number.parseInt(data.subarray(at, lineEnd).toString('latin1'), 16);
    if (!size) break;
    out.push(data.subarray(lineEnd + 2, lineEnd + 2 + size));
    at = lineEnd + 2 + size + 2;
  }
  return Buffer.concat(out);
}

function parseReply(data: Buffer, method: string): Reply | undefined {
  const headEnd = data.indexOf('\r\n\r\n');
  if (headEnd < 0) return undefined;
  const [statusLine = '', ...lines] = data.subarray(0, headEnd).toString('latin1').split('\r\n');
  const status = /^HTTP\/1\.[01] (\d{3})/.exec(statusLine)?.[1];
  if (!status) return undefined;
  const headers: Record<string, string> = {};
  for (const line of lines) {
    const colon = line.indexOf(':');
    if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  const rest = data.subarray(headEnd + 4);
  const raw = method === 'HEAD' ? Buffer.alloc(0) : /chunked/i.test(headers['transfer-encoding'] ?? '') ? decodeChunked(rest) : rest;
  return { status: Number(status), headers, body: raw.toString('utf8') };
}

/** One request on its own connection; the server closes it after the answer (connection: close). */
function send(request: FuzzRequest): Promise<Reply> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let reset = false;
    let settled = false;
    const socket = connect(PORT, '127.0.0.1');
    const finish = (timedOut = false) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.destroy();
      const reply = parseReply(Buffer.concat(chunks), request.method);
      resolve(reply ?? { headers: {}, body: '', dropped: timedOut ? 'timeout' : reset ? 'reset' : 'closed' });
    };
    const timer = setTimeout(() => finish(true), ANSWER_TIMEOUT_MS);
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('error', () => {
      reset = true;
      // The server may reset the connection after a full answer (an unread body): keep what came.
      finish();
    });
    socket.on('close', () => finish());
    // No half-close: Node's server drops the answer to a client that ends its side first.
    socket.write(rawRequest(request));
  });
}

// ---------------------------------------------------------------------------------------------
// What is judged

const isApi = (request: FuzzRequest) => {
  const target = Buffer.isBuffer(request.target) ? request.target.toString('latin1') : request.target;
  try {
    return new URL(target, 'http://localhost').pathname.startsWith('/api/');
  } catch {
    return target.startsWith('/api/');
  }
};

/** Every string anywhere in an error body that a merchant might be shown. */
function messagesIn(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (value && typeof value === 'object') return Object.values(value).flatMap(messagesIn);
  return [];
}

function problemsWith(request: FuzzRequest, reply: Reply): string[] {
  if (reply.status === undefined) return [`no answer (connection ${reply.dropped})`];
  const problems: string[] = [];
  if (reply.status >= 500) problems.push(`status ${reply.status}`);
  const missing = Object.entries(securityHeaders)
    .filter(([name, value]) => reply.headers[name.toLowerCase()] !== value)
    .map(([name]) => name);
  if (missing.length > 0)
    problems.push(`status ${reply.status} without ${missing.length === 5 ? 'any security header' : missing.join(', ')}`);
  if (isApi(request)) {
    if (!/^application\/json\b/.test(reply.headers['content-type'] ?? '')) {
      problems.push(`status ${reply.status} on /api/ as ${reply.headers['content-type'] ?? 'no content type'}`);
    } else if (request.method !== 'HEAD' && reply.status >= 400 && reply.status < 500) {
      let parsed: { error?: { code?: unknown; message?: unknown; fields?: unknown } } | undefined;
      try {
        parsed = JSON.parse(reply.body);
      } catch {
        problems.push(`status ${reply.status} with a body that is not JSON`);
      }
      const error = parsed?.error;
      if (parsed && (typeof error?.code !== 'string' || typeof error.message !== 'string')) {
        problems.push(`status ${reply.status} without { error: { code, message } }`);
      } else if (parsed) {
        const foreign = [error!.message, ...messagesIn(error!.fields)].filter((m) => !JAPANESE.test(m as string));
        if (foreign.length > 0)
          problems.push(`status ${reply.status} ${error!.code} with a message not in Japanese: ${JSON.stringify(foreign[0])}`);
      }
    }
  }
  if (/at .+\.[jt]s:\d+|node_modules|Error:/.test(reply.body)) problems.push(`status ${reply.status} showing internals`);
  return problems;
}

async function inPool<T, R>(items: T[], width: number, deadline: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = [];
  let next = 0;
  const worker = async () => {
    while (next < items.length && Date.now() < deadline) {
      const index = next++;
      results[index] = await work(items[index]!);
    }
  };
  await Promise.all(Array.from({ length: width }, worker));
  return results.filter((r) => r !== undefined);
}

describe('the local stack under malformed requests', () => {
  it(`answers ${COUNT} generated requests with no 5xx, every security header and JSON errors on /api/`, async () => {
    const requests = fc.sample(fuzzRequest, { seed: SEED, numRuns: COUNT });
    // The dev server reports each fault it could not answer on stderr: counted, not printed 3000 times.
    const serverFaults: Record<string, number> = {};
    const write = process.stderr.write.bind(process.stderr);
    process.stderr.write = ((chunk: string | Uint8Array, ...rest: never[]) => {
      const text = chunk.toString();
      if (!text.startsWith('dev server:')) return write(chunk, ...rest);
      const first = text.split('\n')[0]!;
      serverFaults[first] = (serverFaults[first] ?? 0) + 1;
      return true;
    }) as typeof process.stderr.write;
    const started = Date.now();
    const replies = await inPool(requests, CONCURRENCY, started + TIME_BUDGET_MS, async (request) => ({
      request,
      reply: await send(request),
    }));
    const elapsed = Date.now() - started;
    process.stderr.write = write;

    const byStatus: Record<string, number> = {};
    const failures = new Map<string, { count: number; example: string }>();
    for (const { request, reply } of replies) {
      const key = reply.status === undefined ? `dropped (${reply.dropped})` : String(reply.status);
      byStatus[key] = (byStatus[key] ?? 0) + 1;
      for (const problem of problemsWith(request, reply)) {
        const id = `${problem} ← ${request.kind.startsWith('combined') ? 'several faults at once' : request.kind}`;
        const seen = failures.get(id);
        const target = Buffer.isBuffer(request.target) ? JSON.stringify(request.target.toString('latin1')) : request.target;
        if (seen) seen.count += 1;
        else
          failures.set(id, {
            count: 1,
            example: `${request.method} ${target.slice(0, 80)}${target.length > 80 ? '…' : ''}${request.kind.startsWith('combined') ? ` [${request.kind}]` : ''}`,
          });
      }
    }
    const failing = [...failures.entries()]
      .sort(([, a], [, b]) => b.count - a.count)
      .map(([id, { count, example }]) => `${count}× ${id} (e.g. ${example})`);
    console.log(
      [
        `fuzz: ${replies.length} of ${COUNT} requests sent (seed ${SEED}) in ${(elapsed / 1000).toFixed(1)} s, ${CONCURRENCY} at a time`,
        `answers by status: ${Object.entries(byStatus)
          .sort()
          .map(([status, n]) => `${status}: ${n}`)
          .join(', ')}`,
        `faults the server logged: ${
          Object.entries(serverFaults)
            .map(([line, n]) => `${n}× ${line}`)
            .join('; ') || 'none'
        }`,
        failing.length === 0 ? 'no failing answers' : `failing answers (${failing.length} kinds):\n  ${failing.join('\n  ')}`,
      ].join('\n'),
    );

    expect(replies.length).toBe(COUNT);
    expect(elapsed).toBeLessThan(TIME_BUDGET_MS);
    expect(failing).toEqual([]);
  }, 90_000);

  it('still answers a page and a well-formed API call normally afterwards', async () => {
    const page = await send({ kind: 'normal', method: 'GET', target: '/', headers: [], body: Buffer.alloc(0) });
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    expect(page.body).toContain('<html');

    const reset = await send({
      kind: 'normal',
      method: 'POST',
      target: '/api/password-reset',
      headers: [
        ['origin', SITE_ORIGIN],
        ['content-type', 'application/json'],
      ],
      body: utf8(JSON.stringify({ email: 'after-the-fuzz@example.com' })),
    });
    expect(reset.status).toBe(200);
    expect(JSON.parse(reset.body)).toEqual({ ok: true });
    expect(reset.headers['content-security-policy']).toBe(securityHeaders['Content-Security-Policy']);
  });
});
