/**
 * The rest of a merchant's account life through the real handlers and the emulators: forgot
 * password, change password, change email, session lifetimes and disabled accounts.
 */
import { EMAIL_CHANGED_MAIL_SUBJECT, Mailbox, PASSWORD_CHANGED_MAIL_SUBJECT } from '../browser/support/mailbox';
import { startLocalStack, type LocalStack } from '../support/local-stack';
import { scratchDir } from '../support/scratch-dir';
import { loggedIn, PASSWORD, registeredMerchant, tokenOf } from './support/merchant';
import { runOpsSync } from './support/ops-cli';
import { SiteClient, type SiteAnswer } from './support/site-client';

const NEW_PASSWORD = 'Yr8$nB3w=Tq6Hc';
const workDir = scratchDir('account-life-');
const targetFile = workDir.path('target.json');
let stack: LocalStack;
let mailbox: Mailbox;

beforeAll(async () => {
  stack = await startLocalStack({ port: 3206, mailboxPort: 18206, publishTarget: targetFile, env: { POWERTOOLS_LOG_LEVEL: 'SILENT' } });
  mailbox = new Mailbox(stack.mailboxUrl);
});
afterAll(async () => {
  await stack?.stop();
  workDir.remove();
});

/** What a page can see of an answer: status, body and the headers that are not about timing. */
const visible = (answer: SiteAnswer) => ({
  status: answer.status,
  body: answer.body,
  headers: [...answer.headers].filter(([name]) => !['date', 'content-length'].includes(name)),
});

describe('forgot password', () => {
  it('answers an unregistered email byte for byte as a registered one, and mails only the registered', async () => {
    const { email } = await registeredMerchant(stack);
    const site = new SiteClient(stack.siteUrl);
    const stranger = `nobody.${Date.now()}@example.com`;

    const known = await site.post('/api/password-reset', { email });
    const unknown = await site.post('/api/password-reset', { email: stranger });

    expect(visible(unknown)).toEqual(visible(known));
    expect(JSON.stringify(unknown.body)).toBe(JSON.stringify(known.body));
    await mailbox.requestMails('passwordReset', email);
    expect(await mailbox.messagesTo(stranger)).toEqual([]);
  });

  it('resets the password, ends every session and sends a notice', async () => {
    const { email } = await registeredMerchant(stack);
    const elsewhere = await loggedIn(stack, email);
    const site = new SiteClient(stack.siteUrl);

    await site.post('/api/password-reset', { email });
    const mails = await mailbox.requestMails('passwordReset', email);
    const token = tokenOf(mails.completionUrl);
    const status = await site.post('/api/password-reset/status', { token });
    const reuse = await site.post('/api/password-reset/complete', {
      token,
      passcode: mails.passcode,
      newPassword: PASSWORD,
      newPasswordConfirmation: PASSWORD,
    });
    const done = await site.post('/api/password-reset/complete', {
      token,
      passcode: mails.passcode,
      newPassword: NEW_PASSWORD,
      newPasswordConfirmation: NEW_PASSWORD,
    });

    expect(mails.completionUrl).toMatch(/\/reset-password\.html#[A-Za-z0-9_-]{43}$/);
    expect(status).toMatchObject({ status: 200, body: { status: 'pending' } });
    expect(reuse).toMatchObject({ status: 400, body: { error: { code: 'PASSWORD_POLICY', violations: [{ rule: 'history' }] } } });
    expect(done.status).toBe(200);
    expect((await elsewhere.get('/api/me')).status).toBe(401);
    expect((await site.post('/api/login', { loginId: email, password: PASSWORD })).status).toBe(401);
    expect((await site.post('/api/login', { loginId: email, password: NEW_PASSWORD })).status).toBe(200);
    await mailbox.mailWithSubject(email, PASSWORD_CHANGED_MAIL_SUBJECT);
    expect(
      (
        await site.post('/api/password-reset/complete', {
          token,
          passcode: mails.passcode,
          newPassword: 'Zz9#other1234',
          newPasswordConfirmation: 'Zz9#other1234',
        })
      ).body.error.reason,
    ).toBe('used');
  });
});

describe('change password', () => {
  it('needs the current password, keeps this session, ends the others, sends a notice', async () => {
    const { email } = await registeredMerchant(stack);
    const here = await loggedIn(stack, email);
    const there = await loggedIn(stack, email);

    const wrong = await here.post('/api/password', {
      currentPassword: 'Not#MyPassword1',
      newPassword: NEW_PASSWORD,
      newPasswordConfirmation: NEW_PASSWORD,
    });
    const same = await here.post('/api/password', { currentPassword: PASSWORD, newPassword: PASSWORD, newPasswordConfirmation: PASSWORD });
    const done = await here.post('/api/password', {
      currentPassword: PASSWORD,
      newPassword: NEW_PASSWORD,
      newPasswordConfirmation: NEW_PASSWORD,
    });

    expect(wrong).toMatchObject({
      status: 400,
      body: { error: { code: 'CURRENT_PASSWORD_WRONG', message: '現在のパスワードが正しくありません。' } },
    });
    expect(same).toMatchObject({ status: 400, body: { error: { code: 'PASSWORD_POLICY', violations: [{ rule: 'history' }] } } });
    expect(done.status).toBe(200);
    expect((await here.get('/api/me')).status).toBe(200);
    expect((await there.get('/api/me')).status).toBe(401);
    await mailbox.mailWithSubject(email, PASSWORD_CHANGED_MAIL_SUBJECT);
    await loggedIn(stack, email, NEW_PASSWORD);
  });

  it('is refused without a session', async () => {
    const answer = await new SiteClient(stack.siteUrl).post('/api/password', {
      currentPassword: PASSWORD,
      newPassword: NEW_PASSWORD,
      newPasswordConfirmation: NEW_PASSWORD,
    });
    expect(answer).toMatchObject({ status: 401, body: { error: { code: 'SESSION_REQUIRED' } } });
  });
});

describe('change email', () => {
  it('proves the new address, keeps the old one working until then, and tells the old address', async () => {
    const { email, loginId } = await registeredMerchant(stack);
    const site = await loggedIn(stack, email);
    const newEmail = `moved.${loginId.toLowerCase()}@example.com`;

    const requested = await site.post('/api/email-change', { newEmail, currentPassword: PASSWORD });
    const mails = await mailbox.requestMails('emailChange', newEmail);
    const stillOld = await loggedIn(stack, email);
    const token = tokenOf(mails.completionUrl);
    const status = await site.post('/api/email-change/status', { token });
    const done = await new SiteClient(stack.siteUrl).post('/api/email-change/complete', { token, passcode: mails.passcode });

    expect(requested.status).toBe(200);
    expect(stillOld).toBeDefined();
    expect(status).toMatchObject({ status: 200, body: { email: 'm***@example.com' } });
    expect(done.status).toBe(200);
    expect((await site.get('/api/me')).body).toMatchObject({ email: newEmail, loginId });
    expect((await new SiteClient(stack.siteUrl).post('/api/login', { loginId: email, password: PASSWORD })).status).toBe(401);
    await loggedIn(stack, newEmail);
    const notice = await mailbox.mailWithSubject(email, EMAIL_CHANGED_MAIL_SUBJECT);
    expect(notice.body.text).toContain('m***@example.com');
  });

  it('answers an address another merchant uses exactly as a free one, and mails nobody', async () => {
    const first = await registeredMerchant(stack);
    const second = await registeredMerchant(stack);
    const site = await loggedIn(stack, first.email);
    const free = `free.${first.loginId.toLowerCase()}@example.com`;

    const taken = await site.post('/api/email-change', { newEmail: second.email, currentPassword: PASSWORD });
    const open = await site.post('/api/email-change', { newEmail: free, currentPassword: PASSWORD });

    expect(visible(taken)).toEqual(visible(open));
    await mailbox.requestMails('emailChange', free);
    expect((await mailbox.subjectsTo(second.email)).filter((subject) => subject.includes('変更申請'))).toEqual([]);
  });
});

describe('change email: who is asking', () => {
  const WRONG = 'Not#MyPassword1';

  it('refuses a wrong current password with the answer a password change gets, and mails nobody', async () => {
    const { email, loginId } = await registeredMerchant(stack);
    const site = await loggedIn(stack, email);
    const newEmail = `taken-over.${loginId.toLowerCase()}@example.com`;

    const wrong = await site.post('/api/email-change', { newEmail, currentPassword: WRONG });
    const wrongChange = await site.post('/api/password', {
      currentPassword: WRONG,
      newPassword: NEW_PASSWORD,
      newPasswordConfirmation: NEW_PASSWORD,
    });

    expect(wrong).toMatchObject({
      status: 400,
      body: { error: { code: 'CURRENT_PASSWORD_WRONG', message: '現在のパスワードが正しくありません。' } },
    });
    expect(wrong.body).toEqual(wrongChange.body);
    expect(await mailbox.messagesTo(newEmail)).toEqual([]);
    expect((await site.get('/api/me')).body).toMatchObject({ email });
  });

  it('counts wrong ones towards the login lock: after 5 the right one and the login are refused', async () => {
    const { email, loginId } = await registeredMerchant(stack);
    const site = await loggedIn(stack, email);
    const newEmail = `guessed.${loginId.toLowerCase()}@example.com`;

    for (let i = 0; i < 5; i += 1) await site.post('/api/email-change', { newEmail, currentPassword: WRONG });
    const right = await site.post('/api/email-change', { newEmail, currentPassword: PASSWORD });
    const login = await new SiteClient(stack.siteUrl).post('/api/login', { loginId: email, password: PASSWORD });

    expect(right).toMatchObject({ status: 400, body: { error: { code: 'CURRENT_PASSWORD_WRONG' } } });
    expect(login.status).toBe(401);
    expect(await mailbox.messagesTo(newEmail)).toEqual([]);
  });

  it('takes no password only from a session proved within 5 minutes, else asks for the proof', async () => {
    const { email, loginId } = await registeredMerchant(stack);
    const site = await loggedIn(stack, email);
    const first = `fresh.${loginId.toLowerCase()}@example.com`;
    const second = `proved.${loginId.toLowerCase()}@example.com`;

    const justSignedIn = await site.post('/api/email-change', { newEmail: first });
    await mailbox.requestMails('emailChange', first);
    await stack.ageSessions(6);
    const later = await site.post('/api/email-change', { newEmail: second });
    const proof = await site.post('/api/proof', { password: PASSWORD });
    const proved = await site.post('/api/email-change', { newEmail: second });

    expect(justSignedIn.status).toBe(200);
    expect(later).toMatchObject({ status: 403, body: { error: { code: 'PROOF_REQUIRED' } } });
    expect(proof.status).toBe(200);
    expect(proved.status).toBe(200);
    await mailbox.requestMails('emailChange', second);
  });
});

describe('sessions', () => {
  it('end after 30 idle minutes, judged by the server', async () => {
    const { email } = await registeredMerchant(stack);
    const site = await loggedIn(stack, email);

    await stack.ageSessions(31);

    expect(await site.get('/api/me')).toMatchObject({ status: 401, body: { error: { code: 'SESSION_REQUIRED' } } });
  });

  it('tell the page the idle time left; looking does not extend it, 「ログインを続ける」 does', async () => {
    const { email } = await registeredMerchant(stack);
    const site = await loggedIn(stack, email);

    const fresh = await site.get('/api/session');
    await stack.ageSessions(20);
    const looked = await site.get('/api/session');
    const lookedAgain = await site.get('/api/session');
    const extended = await site.post('/api/session/extend', {});
    await stack.ageSessions(29);
    const stillThere = await site.get('/api/session');
    await stack.ageSessions(2);
    const ended = await site.post('/api/session/extend', {});

    expect(fresh).toMatchObject({ status: 200, body: { signedIn: true, idleMinutes: 30, endsBy: 'idle' } });
    expect((fresh.body as { secondsLeft: number }).secondsLeft).toBeGreaterThan(29 * 60);
    expect((looked.body as { secondsLeft: number }).secondsLeft).toBeLessThanOrEqual(10 * 60);
    expect((lookedAgain.body as { secondsLeft: number }).secondsLeft).toBeLessThanOrEqual(10 * 60);
    expect(extended).toMatchObject({ status: 200, body: { idleMinutes: 30, endsBy: 'idle' } });
    expect((extended.body as { secondsLeft: number }).secondsLeft).toBeGreaterThanOrEqual(30 * 60 - 1);
    expect(stillThere).toMatchObject({ status: 200, body: { signedIn: true } });
    expect(ended).toMatchObject({ status: 401, body: { error: { code: 'SESSION_REQUIRED' } } });
    expect((await site.get('/api/me')).status).toBe(401);
  });

  it('get a new id at every login', async () => {
    const { email } = await registeredMerchant(stack);
    const first = await loggedIn(stack, email);
    const second = await loggedIn(stack, email);
    expect(first.cookie('__Host-session')).not.toBe(second.cookie('__Host-session'));
  });
});

describe('a disabled account', () => {
  const ops = (...args: string[]) => runOpsSync(args, { LOCAL_TARGET_FILE: targetFile, OPS_OPERATOR: 'ops.tanaka' });

  it('loses its sessions, cannot log in or reset, with the answers anyone gets, until enabled again', async () => {
    const { email, loginId } = await registeredMerchant(stack);
    const site = await loggedIn(stack, email);

    const disabled = ops('disable', loginId, '--reason', 'merchant asked to stop the account');
    const me = await site.get('/api/me');
    const login = await new SiteClient(stack.siteUrl).post('/api/login', { loginId: email, password: PASSWORD });
    const wrong = await new SiteClient(stack.siteUrl).post('/api/login', { loginId: email, password: 'Not#MyPassword1' });
    const reset = await new SiteClient(stack.siteUrl).post('/api/password-reset', { email });
    const enabled = ops('enable', loginId, '--reason', 'merchant confirmed by phone');

    expect(disabled.status).toBe(0);
    expect(me.status).toBe(401);
    expect(login.body).toEqual(wrong.body);
    expect(reset).toMatchObject({ status: 200, body: { ok: true } });
    expect((await mailbox.subjectsTo(email)).filter((subject) => subject.includes('パスワード再設定'))).toEqual([]);
    expect(enabled.status).toBe(0);
    await loggedIn(stack, email);
  });

  it('needs a reason', () => {
    const result = ops('disable', 'SHOP-9999');
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('--reason');
  });
});
