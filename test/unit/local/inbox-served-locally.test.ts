/**
 * The local mailbox exists only on the dev server, and only when the local stack hands it the
 * SES emulator: the site build that CDK deploys holds nothing of it.
 */
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CONTENT_SECURITY_POLICY } from '../../../lambdas/http/security-headers';
import { siteBuildDir } from '../../../lib/paths';
import { createDevServer } from '../../../local/dev-server';
import { fromHeader } from '../../../lambdas/adapters/ses-mailer';
import { buildSite, DEFAULT_OUT_DIR } from '../../../static-site/build';

const listen = (server: Server) =>
  new Promise<string>((ok) => server.listen(0, '127.0.0.1', () => ok(`http://127.0.0.1:${(server.address() as AddressInfo).port}`)));
const close = (server: Server) => new Promise<void>((ok) => server.close(() => ok()));

/** A stand-in for aws-ses-v2-local's `GET /store`. */
function fakeEmulator(emails: unknown[] | 'broken'): Server {
  return createServer((req, res) => {
    if (emails === 'broken' || req.url !== '/store') {
      res.writeHead(500).end('internal stack trace at Object.<anonymous>');
      return;
    }
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ emails, templates: [] }));
  });
}

const MAIL = {
  messageId: 'ses-1',
  from: fromHeader('お客様サポートWEB', 'operation@mail.example.com'),
  destination: { to: ['shop@example.com'], cc: [], bcc: [] },
  subject: '【GMOフィナンシャルゲート】お知らせ',
  body: { text: 'パスコード : 123456' },
  at: 1_780_000_000,
};

describe('the local mailbox on the dev server', () => {
  const servers: Server[] = [];
  afterEach(async () => {
    await Promise.all(servers.splice(0).map(close));
  });

  async function devServer(emails?: unknown[] | 'broken'): Promise<string> {
    let inbox: { emulatorUrl: string; siteUrl: string } | undefined;
    if (emails) {
      const emulator = fakeEmulator(emails);
      servers.push(emulator);
      inbox = { emulatorUrl: await listen(emulator), siteUrl: 'http://localhost:3000' };
    }
    const server = createDevServer(DEFAULT_OUT_DIR, { inbox });
    servers.push(server);
    return listen(server);
  }

  it('is served with the site security headers, never cached, when the stack gives it the emulator', async () => {
    const site = await devServer([MAIL]);

    const response = await fetch(`${site}/_local/mailbox`);

    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const html = await response.text();
    expect(html).toContain('<h1>ローカル受信箱</h1>');
    expect(html).toContain('お客様サポートWEB &lt;operation@mail.example.com&gt;');
    expect(html).toContain('<strong class="inbox-passcode-value">123456</strong>');
  });

  it('serves its stylesheet beside it', async () => {
    const site = await devServer([]);

    const response = await fetch(`${site}/_local/mailbox.css`);

    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/css; charset=utf-8');
    expect(await response.text()).toContain('.inbox-passcode-value');
  });

  it('takes only GET and HEAD, as the site does', async () => {
    const site = await devServer([]);

    expect((await fetch(`${site}/_local/mailbox`, { method: 'POST' })).status).toBe(405);
  });

  it('says the mails cannot be read, without the emulator’s answer, when the emulator fails', async () => {
    const site = await devServer('broken');

    const response = await fetch(`${site}/_local/mailbox`);

    expect(response.status).toBe(503);
    const html = await response.text();
    expect(html).toContain('メールを読み込めませんでした。');
    expect(html).not.toMatch(/stack trace|Object\.<anonymous>|500/);
  });

  it('is not there without the emulator: the path is an unknown page', async () => {
    const site = await devServer();

    expect((await fetch(`${site}/_local/mailbox`)).status).toBe(404);
    expect((await fetch(`${site}/_local/mailbox.css`)).status).toBe(404);
  });
});

describe('the site CDK deploys', () => {
  let outDir: string;
  beforeAll(async () => {
    outDir = await mkdtemp(join(tmpdir(), 'site-build-'));
    await buildSite(outDir);
  }, 60_000);
  afterAll(() => rm(outDir, { recursive: true, force: true }));

  it('is the site build, where the dev server finds the site too', () => {
    expect(siteBuildDir).toBe(DEFAULT_OUT_DIR);
  });

  it('holds no file of the local mailbox, nor any page naming it', async () => {
    const files = (await readdir(outDir, { recursive: true, withFileTypes: true })).filter((entry) => entry.isFile());
    expect(files.length).toBeGreaterThan(10);

    const naming: string[] = [];
    for (const file of files) {
      const path = join(file.parentPath, file.name);
      if (/_local|mailbox|inbox/i.test(path) || /_local|ローカル受信箱|inbox-/.test(await readFile(path, 'utf8'))) naming.push(path);
    }
    expect(naming).toEqual([]);
  });
});
