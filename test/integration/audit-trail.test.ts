/**
 * Auditors read these lines in CloudWatch: each step of the first-login path is one structured
 * JSON line, and no secret (password, initial password, passcode, token, session id) is in any.
 */
import { Mailbox } from '../browser/support/mailbox';
import { startLocalStack, type LocalStack } from '../support/local-stack';
import { registeredMerchant } from './support/merchant';
import { SiteClient } from './support/site-client';

let stack: LocalStack;
let lines: string[] = [];
let writeSpy: jest.SpyInstance;

beforeAll(async () => {
  stack = await startLocalStack({ port: 3203, mailboxPort: 18203 });
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

it('records every step once, with request details and no secret', async () => {
  // Prepare
  const site = new SiteClient(stack.siteUrl);
  const account = await stack.createAccount();
  const email = `auditor.case.${Date.now()}@example.com`;
  const password = 'Kx7#mQ2v!Lp9Rz';

  // Act: wrong first login, registration, a wrong passcode, completion, wrong and right login, logout
  await site.post('/api/first-login', { loginId: account.loginId, initialPassword: 'Wrong#Pass1234', email });
  await site.post('/api/first-login', { loginId: account.loginId, initialPassword: account.initialPassword, email });
  const mails = await new Mailbox(stack.mailboxUrl).registrationMails(email);
  const token = mails.completionUrl.split('#')[1];
  const wrongPasscode = mails.passcode === '000000' ? '999999' : '000000';
  await site.post('/api/registration/complete', {
    token,
    passcode: wrongPasscode,
    newPassword: password,
    newPasswordConfirmation: password,
  });
  await site.post('/api/registration/complete', {
    token,
    passcode: mails.passcode,
    newPassword: password,
    newPasswordConfirmation: password,
  });
  await site.post('/api/login', { loginId: email, password: 'Not#MyPassword99' });
  await site.post('/api/login', { loginId: email, password });
  const sessionId = site.cookie('__Host-session')!;
  await site.post('/api/logout', {});

  // Assess
  const audit = lines.map((line) => JSON.parse(line)).filter((entry) => entry.audit === true);
  expect(audit.map((entry) => `${entry.event}:${entry.outcome}`)).toEqual([
    'registration.requested:failure',
    'registration.requested:success',
    'registration.passcode-failed:failure',
    'registration.completed:success',
    'login:failure',
    'login:success',
    'logout:success',
  ]);
  for (const entry of audit) {
    expect(entry).toMatchObject({
      loginId: account.loginId,
      sourceIp: expect.any(String),
      userAgent: expect.any(String),
      requestId: expect.any(String),
      timestamp: expect.any(String),
    });
  }
  expect(audit.filter((entry) => entry.email).map((entry) => entry.email)).toContain('a***@example.com');
  const everything = lines.join('\n');
  for (const secret of [password, account.initialPassword, mails.passcode, token, sessionId, email]) {
    expect(everything).not.toContain(secret);
  }
});

it('records one lockout for 20 parallel wrong logins, each answered as any wrong password', async () => {
  // Prepare
  const { email } = await registeredMerchant(stack);
  const site = new SiteClient(stack.siteUrl);

  // Act
  const answers = await Promise.all(
    Array.from({ length: 20 }, (_, i) => site.post('/api/login', { loginId: email, password: `Wrong#Pass${i}x1` })),
  );

  // Assess
  for (const answer of answers) expect(answer).toMatchObject({ status: 401, body: answers[0].body });
  expect(answers[0].body).toMatchObject({ error: { code: 'INVALID_CREDENTIALS' } });
  const audit = lines.map((line) => JSON.parse(line)).filter((entry) => entry.audit === true);
  expect(audit.filter((entry) => entry.event === 'lockout')).toHaveLength(1);
});
