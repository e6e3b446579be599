/**
 * The mail throttle reveals nothing: through the real handlers and dynalite, an address that was
 * just registered (its first login took one of its mails this hour) and an address nobody uses
 * get byte-for-byte the same answers, past the hourly limit too; only the mails differ.
 */
import { Mailbox } from '../browser/support/mailbox';
import { startLocalStack, type LocalStack } from '../support/local-stack';
import { loggedIn, PASSWORD, registeredMerchant } from './support/merchant';
import { SiteClient, type SiteAnswer } from './support/site-client';

const LIMIT = 3;
const REQUESTS = LIMIT + 3;
/** Headers that differ between any two answers whatever they say. */
const VARYING_HEADERS = new Set(['date', 'x-request-id', 'x-amzn-requestid', 'apigw-requestid', 'x-amz-apigw-id']);

let stack: LocalStack;
let mailbox: Mailbox;

beforeAll(async () => {
  stack = await startLocalStack({
    port: 3210,
    mailboxPort: 18210,
    env: { POWERTOOLS_LOG_LEVEL: 'SILENT', MAIL_REQUESTS_PER_HOUR: String(LIMIT) },
  });
  mailbox = new Mailbox(stack.mailboxUrl);
}, 120_000);
afterAll(() => stack?.stop());

/** Status, headers (but the varying ones) and body, exactly as they came. */
function bytesOf(answer: SiteAnswer): string {
  const headers = [...answer.headers].filter(([name]) => !VARYING_HEADERS.has(name.toLowerCase()));
  const body = typeof answer.body === 'string' ? answer.body : JSON.stringify(answer.body);
  return JSON.stringify({ status: answer.status, headers, body });
}

describe('forgot password, past the hourly mail limit', () => {
  it('answers a just-registered address exactly as an unknown one, and stops mailing it', async () => {
    // Prepare
    const { email } = await registeredMerchant(stack);
    const unknown = `nobody.${Date.now()}@example.com`;
    const site = new SiteClient(stack.siteUrl);
    const reset = async (address: string) => bytesOf(await site.post('/api/password-reset', { email: address }));

    // Act
    const known: string[] = [];
    const stranger: string[] = [];
    for (let i = 0; i < REQUESTS; i += 1) {
      known.push(await reset(email));
      stranger.push(await reset(unknown));
    }

    // Assess
    expect(known).toEqual(stranger);
    expect(JSON.parse(known[0])).toMatchObject({ status: 200, body: JSON.stringify({ ok: true }) });
    expect(new Set(known).size).toBe(1);
    // The first login took one of the address's mails this hour; the resets get the rest.
    await mailbox.requestMails('passwordReset', email, { earlierPairs: LIMIT - 2 });
    const subjects = await mailbox.subjectsTo(email);
    expect(subjects.filter((s) => s.includes('パスワード再設定'))).toHaveLength(2 * (LIMIT - 1));
    expect(subjects).toHaveLength(2 * LIMIT);
    expect(await mailbox.messagesTo(unknown)).toEqual([]);
  });
});

describe('email change, past the hourly mail limit of the new address', () => {
  it('answers an address another merchant registered exactly as an unknown one', async () => {
    // Prepare: two merchants, each signed in, each asking for a new address LIMIT times (their
    // own accounts' limits are reached alike), one for a registered address, one for a free one.
    const other = await registeredMerchant(stack);
    const first = await registeredMerchant(stack);
    const second = await registeredMerchant(stack);
    const free = `free.${Date.now()}@example.com`;
    const [a, b] = [await loggedIn(stack, first.email), await loggedIn(stack, second.email)];
    const change = async (site: SiteClient, newEmail: string) =>
      bytesOf(await site.post('/api/email-change', { newEmail, currentPassword: PASSWORD }));

    // Act
    const taken: string[] = [];
    const fresh: string[] = [];
    for (let i = 0; i < REQUESTS; i += 1) {
      taken.push(await change(a, other.email));
      fresh.push(await change(b, free));
    }

    // Assess: the own account's limit (its first login took one use) may say 429, at the same
    // request for both
    expect(taken).toEqual(fresh);
    expect(taken.map((t) => JSON.parse(t).status)).toEqual([...Array(LIMIT - 1).fill(200), ...Array(REQUESTS - LIMIT + 1).fill(429)]);
    expect((await mailbox.subjectsTo(other.email)).filter((s) => s.includes('メールアドレス変更'))).toEqual([]);
  });
});
