/** Lockout and the mail throttle through the real handlers and DynamoDB's conditional writes (dynalite). */
import { Mailbox } from '../browser/support/mailbox';
import { startLocalStack, type LocalStack } from '../support/local-stack';
import { registeredMerchant, PASSWORD } from './support/merchant';
import { SiteClient } from './support/site-client';

let stack: LocalStack;
let mailbox: Mailbox;

beforeAll(async () => {
  stack = await startLocalStack({ port: 3205, mailboxPort: 18205, env: { POWERTOOLS_LOG_LEVEL: 'SILENT' } });
  mailbox = new Mailbox(stack.mailboxUrl);
});
afterAll(() => stack?.stop());

describe('login lockout', () => {
  it('after five wrong passwords refuses the right one with the same answer', async () => {
    // Prepare
    const site = new SiteClient(stack.siteUrl);
    const { email } = await registeredMerchant(stack);
    const wrong = [];
    for (let i = 0; i < 5; i += 1) wrong.push(await site.post('/api/login', { loginId: email, password: `Wrong#Pass${i}x1` }));

    // Act
    const right = await site.post('/api/login', { loginId: email, password: PASSWORD });

    // Assess
    expect(wrong.map((a) => a.status)).toEqual([401, 401, 401, 401, 401]);
    expect(right.status).toBe(401);
    expect(right.body).toEqual(wrong[0].body);
    expect(right.headers.getSetCookie()).toEqual([]);
  });

  it('answers an unknown email exactly as a known one, locked or not', async () => {
    const site = new SiteClient(stack.siteUrl);
    const { email } = await registeredMerchant(stack);
    const attempts = async (loginId: string) => {
      const answers = [];
      for (let i = 0; i < 6; i += 1) answers.push(await site.post('/api/login', { loginId, password: `Wrong#Pass${i}x1` }));
      return answers.map((a) => `${a.status} ${JSON.stringify(a.body)}`);
    };

    expect(await attempts('nobody.here@example.com')).toEqual(await attempts(email));
  });
});

describe('first login lockout', () => {
  it('after five wrong initial passwords refuses the right one, and sends nothing', async () => {
    const site = new SiteClient(stack.siteUrl);
    const account = await stack.createAccount();
    const email = `locked.${account.loginId.toLowerCase()}@example.com`;
    for (let i = 0; i < 5; i += 1) {
      await site.post('/api/first-login', { loginId: account.loginId, initialPassword: `Wrong#Pass${i}x1`, email });
    }

    const right = await site.post('/api/first-login', { loginId: account.loginId, initialPassword: account.initialPassword, email });

    expect(right).toMatchObject({ status: 401, body: { error: { code: 'INVALID_CREDENTIALS' } } });
    expect(await mailbox.messagesTo(email)).toEqual([]);
  });
});

describe('mail throttle', () => {
  it('takes five registrations an hour per account, then answers 429 in Japanese', async () => {
    const site = new SiteClient(stack.siteUrl);
    const account = await stack.createAccount();
    const email = `busy.${account.loginId.toLowerCase()}@example.com`;
    const apply = () => site.post('/api/first-login', { loginId: account.loginId, initialPassword: account.initialPassword, email });

    const answers = [];
    for (let i = 0; i < 6; i += 1) answers.push(await apply());
    await mailbox.registrationMails(email, { earlierPairs: 4 });

    expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200, 200, 429]);
    expect(answers[5].body.error).toMatchObject({ code: 'TOO_MANY_REQUESTS', message: expect.stringContaining('しばらく時間をおいて') });
    expect(await mailbox.messagesTo(email)).toHaveLength(10);
  });
});
