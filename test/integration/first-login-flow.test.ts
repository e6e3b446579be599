/**
 * The guide's first path through the real handlers, the real AWS SDK clients and the local
 * emulators: first login → two emails → passcode and password → login → home → logout.
 */
import { japanDeadline } from '../../lambdas/domain/japan-time';
import { decodeMimeWords, Mailbox, PASSCODE_MAIL_SUBJECT, URL_MAIL_SUBJECT } from '../browser/support/mailbox';
import { LETTER_ID_HINT_MESSAGE } from '../../lambdas/domain/letter-id-hint';
import { startLocalStack, type LocalStack } from '../support/local-stack';
import { tokenOf } from './support/merchant';
import { SiteClient } from './support/site-client';

const NEW_PASSWORD = 'Kx7#mQ2v!Lp9Rz';
let stack: LocalStack;
let mailbox: Mailbox;
let addresses = 0;

beforeAll(async () => {
  stack = await startLocalStack({ port: 3201, mailboxPort: 18201, env: { POWERTOOLS_LOG_LEVEL: 'SILENT' } });
  mailbox = new Mailbox(stack.mailboxUrl);
});
afterAll(() => stack?.stop());

const newEmail = () => `merchant${(addresses += 1)}.${Date.now()}@example.com`;

async function applyForRegistration(site: SiteClient, email = newEmail()) {
  const account = await stack.createAccount();
  const sentBetween = [Date.now()];
  const answer = await site.post('/api/first-login', { loginId: account.loginId, initialPassword: account.initialPassword, email });
  sentBetween.push(Date.now());
  expect(answer).toMatchObject({ status: 200, body: { ok: true } });
  const mails = await mailbox.registrationMails(email);
  return { account, email, mails, token: tokenOf(mails.completionUrl), sentBetween };
}

describe('first login to logout', () => {
  it('walks the whole guide and leaves the initial credentials unusable', async () => {
    // Prepare
    const site = new SiteClient(stack.siteUrl);
    const { account, email, mails, token, sentBetween } = await applyForRegistration(site);

    // Assess the two emails
    expect(mails.urlMail.subject).toBe(URL_MAIL_SUBJECT);
    expect(mails.passcodeMail.subject).toBe(PASSCODE_MAIL_SUBJECT);
    expect(decodeMimeWords(mails.urlMail.from)).toBe('お客様サポートWEB <operation@mail.example.com>');
    expect(mails.urlMail.from).toMatch(/^=\?UTF-8\?B\?[A-Za-z0-9+/=]+\?= <operation@mail\.example\.com>$/);
    expect(mails.completionUrl).toMatch(new RegExp(`^${stack.siteUrl}/passcode\\.html#[A-Za-z0-9_-]{43}$`));
    expect(mails.passcode).toMatch(/^\d{6}$/);
    expect(mails.urlMail.body.text).toContain('24時間以内');
    // The request's end, 24 hours after it was made, in Japan time (the minute of either side of the request).
    const deadlines = sentBetween.map((at) => `24時間以内（${japanDeadline(new Date(at + 24 * 3_600_000))}）`);
    for (const mail of [mails.urlMail, mails.passcodeMail]) {
      expect(deadlines.some((deadline) => mail.body.text?.includes(deadline))).toBe(true);
    }

    // Act: the passcode page
    const status = await site.post('/api/registration/status', { token });
    const done = await site.post('/api/registration/complete', {
      token,
      passcode: mails.passcode,
      newPassword: NEW_PASSWORD,
      newPasswordConfirmation: NEW_PASSWORD,
    });
    const login = await site.post('/api/login', { loginId: email.toUpperCase(), password: NEW_PASSWORD });
    const home = await site.get('/api/me');
    const logout = await site.post('/api/logout', {});
    const homeAfter = await site.get('/api/me');

    // Assess
    expect(status).toMatchObject({ status: 200, body: { status: 'pending', email: expect.stringMatching(/^m\*\*\*@example\.com$/) } });
    expect(done).toMatchObject({ status: 200, body: { ok: true } });
    expect(login.status).toBe(200);
    expect(login.headers.getSetCookie()[0]).toMatch(
      /^__Host-session=[A-Za-z0-9_-]{43}; Path=\/; HttpOnly; Secure; SameSite=Strict; Max-Age=43200$/,
    );
    expect(home).toMatchObject({ status: 200, body: { email, loginId: account.loginId, lastLoginAt: expect.any(String) } });
    expect(logout.status).toBe(200);
    expect(homeAfter).toMatchObject({ status: 401, body: { error: { code: 'SESSION_REQUIRED' } } });

    const withLetter = new SiteClient(stack.siteUrl);
    const oldLogin = await withLetter.post('/api/login', { loginId: account.loginId, password: account.initialPassword });
    const oldFirstLogin = await withLetter.post('/api/first-login', {
      loginId: account.loginId,
      initialPassword: account.initialPassword,
      email: newEmail(),
    });
    const reused = await withLetter.post('/api/registration/complete', {
      token,
      passcode: mails.passcode,
      newPassword: 'Other#Pass2468x',
      newPasswordConfirmation: 'Other#Pass2468x',
    });
    // The letter's ID is no email: the login route points to 初回ログイン, before any password is judged.
    expect(oldLogin).toMatchObject({ status: 400, body: { error: { code: 'VALIDATION', fields: { loginId: LETTER_ID_HINT_MESSAGE } } } });
    expect(oldFirstLogin).toMatchObject({ status: 401, body: { error: { code: 'INVALID_CREDENTIALS' } } });
    expect(reused).toMatchObject({ status: 410, body: { error: { reason: 'used' } } });
  });

  it('a logged-out session cookie stays dead even when replayed', async () => {
    const site = new SiteClient(stack.siteUrl);
    const { email, mails, token } = await applyForRegistration(site);
    await site.post('/api/registration/complete', {
      token,
      passcode: mails.passcode,
      newPassword: NEW_PASSWORD,
      newPasswordConfirmation: NEW_PASSWORD,
    });
    await site.post('/api/login', { loginId: email, password: NEW_PASSWORD });
    const stolen = site.cookie('__Host-session');

    await site.post('/api/logout', {});
    const replay = await fetch(`${stack.siteUrl}/api/me`, { headers: { cookie: `__Host-session=${stolen}` } });

    expect(stolen).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(replay.status).toBe(401);
  });
});

describe('first login refusals', () => {
  it('gives one message for a wrong ID and a wrong password', async () => {
    const site = new SiteClient(stack.siteUrl);
    const account = await stack.createAccount();

    const wrongPassword = await site.post('/api/first-login', {
      loginId: account.loginId,
      initialPassword: 'Wrong#Pass1234',
      email: newEmail(),
    });
    const wrongId = await site.post('/api/first-login', {
      loginId: 'NOSUCH999',
      initialPassword: account.initialPassword,
      email: newEmail(),
    });

    expect(wrongPassword.status).toBe(401);
    expect(wrongId.status).toBe(401);
    expect(wrongId.body).toEqual(wrongPassword.body);
    expect(wrongId.body.error.message).toBe('ログインIDまたはパスワードが正しくありません。');
  });

  it('names each missing or malformed field in Japanese', async () => {
    const site = new SiteClient(stack.siteUrl);

    const answer = await site.post('/api/first-login', { loginId: '', initialPassword: '', email: 'not-an-email' });

    expect(answer.status).toBe(400);
    expect(answer.body.error.fields).toEqual({
      loginId: '初回ログインIDを入力してください。',
      initialPassword: '初回パスワードを入力してください。',
      email: 'メールアドレスの形式が正しくありません。',
    });
  });

  it('refuses an email another merchant already registered', async () => {
    const site = new SiteClient(stack.siteUrl);
    const { email, mails, token } = await applyForRegistration(site);
    await site.post('/api/registration/complete', {
      token,
      passcode: mails.passcode,
      newPassword: NEW_PASSWORD,
      newPasswordConfirmation: NEW_PASSWORD,
    });
    const other = await stack.createAccount();

    const answer = await site.post('/api/first-login', { loginId: other.loginId, initialPassword: other.initialPassword, email });

    expect(answer).toMatchObject({ status: 409, body: { error: { code: 'EMAIL_UNAVAILABLE' } } });
  });
});

describe('completion link', () => {
  it('is replaced by a second registration: old link and passcode stop working', async () => {
    const site = new SiteClient(stack.siteUrl);
    const { account, email, mails: first, token: firstToken } = await applyForRegistration(site);
    await site.post('/api/first-login', { loginId: account.loginId, initialPassword: account.initialPassword, email });
    const second = await mailbox.registrationMails(email, { earlierPairs: 1 });

    const old = await site.post('/api/registration/complete', {
      token: firstToken,
      passcode: first.passcode,
      newPassword: NEW_PASSWORD,
      newPasswordConfirmation: NEW_PASSWORD,
    });
    const fresh = await site.post('/api/registration/complete', {
      token: tokenOf(second.completionUrl),
      passcode: second.passcode,
      newPassword: NEW_PASSWORD,
      newPasswordConfirmation: NEW_PASSWORD,
    });

    expect(old).toMatchObject({ status: 410, body: { error: { code: 'LINK_INVALID', reason: 'replaced' } } });
    expect(fresh.status).toBe(200);
  });

  it('counts wrong passcodes and voids the request at the fifth', async () => {
    const site = new SiteClient(stack.siteUrl);
    const { mails, token } = await applyForRegistration(site);
    const wrong = mails.passcode === '000000' ? '111111' : '000000';
    const attempt = (passcode: string) =>
      site.post('/api/registration/complete', { token, passcode, newPassword: NEW_PASSWORD, newPasswordConfirmation: NEW_PASSWORD });

    const answers = [];
    for (let i = 0; i < 5; i += 1) answers.push(await attempt(wrong));
    const rightAfterwards = await attempt(mails.passcode);

    expect(answers.slice(0, 4).map((a) => a.body.error.remainingAttempts)).toEqual([4, 3, 2, 1]);
    expect(answers[4]).toMatchObject({ status: 410, body: { error: { reason: 'voided' } } });
    expect(rightAfterwards).toMatchObject({ status: 410, body: { error: { reason: 'voided' } } });
  });

  it('tells each of 15 parallel wrong passcodes the truth: attempts left or voided, never "used"', async () => {
    const site = new SiteClient(stack.siteUrl);
    const { mails, token } = await applyForRegistration(site);
    const wrong = mails.passcode === '000000' ? '111111' : '000000';

    const answers = await Promise.all(
      Array.from({ length: 15 }, () =>
        site.post('/api/registration/complete', {
          token,
          passcode: wrong,
          newPassword: NEW_PASSWORD,
          newPasswordConfirmation: NEW_PASSWORD,
        }),
      ),
    );

    const remaining = answers.filter((a) => a.status === 400).map((a) => a.body.error.remainingAttempts);
    const refused = answers.filter((a) => a.status === 410).map((a) => a.body.error.reason);
    expect(remaining.sort()).toEqual([1, 2, 3, 4]);
    expect(refused).toEqual(Array(11).fill('voided'));
  });

  it('expires, judged in code however long the item stays in the table', async () => {
    const site = new SiteClient(stack.siteUrl);
    const { mails, token } = await applyForRegistration(site);

    await stack.expireRequests();
    const status = await site.post('/api/registration/status', { token });
    const done = await site.post('/api/registration/complete', {
      token,
      passcode: mails.passcode,
      newPassword: NEW_PASSWORD,
      newPasswordConfirmation: NEW_PASSWORD,
    });

    expect(status).toMatchObject({ status: 410, body: { error: { reason: 'expired' } } });
    expect(done).toMatchObject({ status: 410, body: { error: { reason: 'expired' } } });
  });

  it('is unknown when made up', async () => {
    const site = new SiteClient(stack.siteUrl);
    const answer = await site.post('/api/registration/status', { token: 'A'.repeat(43) });
    expect(answer).toMatchObject({ status: 410, body: { error: { reason: 'unknown' } } });
  });

  it('completes exactly once when submitted twice at the same moment', async () => {
    const site = new SiteClient(stack.siteUrl);
    const { email, mails, token } = await applyForRegistration(site);
    const submit = () =>
      site.post('/api/registration/complete', {
        token,
        passcode: mails.passcode,
        newPassword: NEW_PASSWORD,
        newPasswordConfirmation: NEW_PASSWORD,
      });

    const answers = await Promise.all([submit(), submit()]);
    const login = await site.post('/api/login', { loginId: email, password: NEW_PASSWORD });

    expect(answers.map((a) => a.status).sort()).toEqual([200, 410]);
    expect(login.status).toBe(200);
  });

  it('refuses the initial password as the new one, without spending an attempt', async () => {
    const site = new SiteClient(stack.siteUrl);
    const { account, mails, token } = await applyForRegistration(site);
    const initial = account.initialPassword;

    const reuse = await site.post('/api/registration/complete', {
      token,
      passcode: mails.passcode,
      newPassword: initial,
      newPasswordConfirmation: initial,
    });
    const then = await site.post('/api/registration/complete', {
      token,
      passcode: mails.passcode,
      newPassword: NEW_PASSWORD,
      newPasswordConfirmation: NEW_PASSWORD,
    });

    expect(reuse).toMatchObject({ status: 400, body: { error: { code: 'PASSWORD_POLICY', violations: [{ rule: 'history' }] } } });
    expect(then.status).toBe(200);
  });
});
