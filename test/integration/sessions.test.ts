/**
 * ログイン中の端末 and the new-browser notice through the real handlers, the emulators and the SDK
 * clients: the device cookie, the notice mail, the list read through the sessions table's index,
 * ending one session (dead at once) and every other, and audit lines without the cookie.
 */
import { Mailbox } from '../browser/support/mailbox';
import { hashSessionId } from '../../lambdas/domain/session-id';
import { startLocalStack, type LocalStack } from '../support/local-stack';
import { PASSWORD, registeredMerchant } from './support/merchant';
import { SiteClient } from './support/site-client';

const NEW_DEVICE_SUBJECT = '【GMOフィナンシャルゲート】お客様サポートWEB 新しい端末からのログインのお知らせ';
const FIREFOX_ON_MAC = 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10.15; rv:128.0) Gecko/20100101 Firefox/128.0';
const EDGE_ON_WINDOWS =
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36 Edg/126.0.2592.87';

let stack: LocalStack;
let mailbox: Mailbox;
let lines: string[] = [];
let writeSpy: jest.SpyInstance;

beforeAll(async () => {
  stack = await startLocalStack({ port: 3212, mailboxPort: 18212 });
  mailbox = new Mailbox(stack.mailboxUrl);
});
afterAll(() => stack?.stop());
beforeEach(() => {
  lines = [];
  writeSpy = jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    lines.push(...String(chunk).split('\n').filter(Boolean));
    return true;
  });
});
afterEach(() => writeSpy.mockRestore());

const auditLines = () => lines.map((line) => JSON.parse(line)).filter((entry) => entry.audit === true);

async function signIn(email: string, userAgent: string, site = new SiteClient(stack.siteUrl)) {
  const answer = await site.post('/api/login', { loginId: email, password: PASSWORD }, { 'user-agent': userAgent });
  expect(answer.status).toBe(200);
  return { site, answer };
}

it('sets the device cookie at sign-in, mails a notice for a new browser only, and audits it without the cookie', async () => {
  // Prepare
  const { email } = await registeredMerchant(stack);

  // Act
  const first = await signIn(email, FIREFOX_ON_MAC);
  const again = await signIn(email, FIREFOX_ON_MAC, first.site);
  const other = await signIn(email, EDGE_ON_WINDOWS);

  // Assess
  const deviceCookie = first.answer.headers.getSetCookie().find((c) => c.startsWith('__Host-device='));
  expect(deviceCookie).toMatch(/^__Host-device=[A-Za-z0-9_-]{43}; Path=\/; HttpOnly; Secure; SameSite=Strict; Max-Age=31536000$/);
  expect(again.site.cookie('__Host-device')).toBe(first.site.cookie('__Host-device'));
  expect(other.site.cookie('__Host-device')).not.toBe(first.site.cookie('__Host-device'));

  const notice = await mailbox.mailWithSubject(email, NEW_DEVICE_SUBJECT);
  expect(notice.body.text).toContain('ブラウザ / OS : Microsoft Edge 126 / Windows 10');
  expect((await mailbox.subjectsTo(email)).filter((subject) => subject === NEW_DEVICE_SUBJECT)).toHaveLength(1);

  const newDevice = auditLines().filter((entry) => entry.event === 'login.new-device');
  expect(newDevice).toEqual([
    expect.objectContaining({ outcome: 'success', browser: 'Microsoft Edge 126', os: 'Windows 10', userAgent: EDGE_ON_WINDOWS }),
  ]);
  const everything = lines.join('\n');
  for (const site of [first.site, other.site]) {
    const device = site.cookie('__Host-device')!;
    expect(everything).not.toContain(device);
    expect(everything).not.toContain(hashSessionId(device));
  }
});

it('lists both browsers through the index, ends the other at once, and never shows an id or hash', async () => {
  // Prepare
  const { email } = await registeredMerchant(stack);
  const mac = (await signIn(email, FIREFOX_ON_MAC)).site;
  const pc = (await signIn(email, EDGE_ON_WINDOWS)).site;

  // Act
  const listed = await pc.get('/api/sessions');

  // Assess
  expect(listed.status).toBe(200);
  expect(listed.body.sessions).toEqual([
    expect.objectContaining({ browser: 'Microsoft Edge 126', os: 'Windows 10', current: true }),
    expect.objectContaining({ browser: 'Firefox 128', os: 'macOS Catalina', current: false }),
  ]);
  const text = JSON.stringify(listed.body);
  for (const site of [mac, pc]) {
    const sessionId = site.cookie('__Host-session')!;
    expect(text).not.toContain(sessionId);
    expect(text).not.toContain(hashSessionId(sessionId));
  }

  // Act: end the Mac's session from the PC
  const ended = await pc.post('/api/sessions/end', { key: listed.body.sessions[1].key });

  // Assess
  expect(ended).toMatchObject({ status: 200, body: { ok: true } });
  expect((await mac.get('/api/me')).status).toBe(401);
  expect((await pc.get('/api/me')).status).toBe(200);
  expect((await pc.get('/api/sessions')).body.sessions).toHaveLength(1);
});

it("refuses another merchant's session exactly as an unknown one, and leaves it signed in", async () => {
  // Prepare
  const mine = (await signIn((await registeredMerchant(stack)).email, FIREFOX_ON_MAC)).site;
  const theirs = (await signIn((await registeredMerchant(stack)).email, EDGE_ON_WINDOWS)).site;
  const theirKey = (await theirs.get('/api/sessions')).body.sessions[0].key;

  // Act
  const refused = await mine.post('/api/sessions/end', { key: theirKey });
  const unknown = await mine.post('/api/sessions/end', { key: 'no-such-session-key' });

  // Assess
  expect(refused.status).toBe(404);
  expect(refused.body).toEqual(unknown.body);
  expect(refused.body.error.code).toBe('SESSION_NOT_FOUND');
  expect((await theirs.get('/api/me')).status).toBe(200);
});

it('ends every other session and keeps this one; signed-out callers get 401', async () => {
  // Prepare
  const { email } = await registeredMerchant(stack);
  const others = [(await signIn(email, FIREFOX_ON_MAC)).site, (await signIn(email, FIREFOX_ON_MAC)).site];
  const pc = (await signIn(email, EDGE_ON_WINDOWS)).site;

  // Act
  const ended = await pc.post('/api/sessions/end-others', {});

  // Assess
  expect(ended).toMatchObject({ status: 200, body: { ok: true, sessionsEnded: 2 } });
  for (const site of others) expect((await site.get('/api/me')).status).toBe(401);
  expect((await pc.get('/api/sessions')).body.sessions).toHaveLength(1);
  expect((await new SiteClient(stack.siteUrl).get('/api/sessions')).status).toBe(401);
  expect(auditLines().filter((entry) => entry.event === 'session.ended')).toEqual([
    expect.objectContaining({ outcome: 'success', which: 'others', sessionsEnded: 2 }),
  ]);
});
