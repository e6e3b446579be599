/**
 * The authenticator app and recovery codes through the real handlers, the emulators and the SDK
 * clients: set-up, the second sign-in step with codes computed as the app would, replay, the
 * recovery-code path with its notice, and the required policy's set-up-only session.
 */
import { Mailbox } from '../browser/support/mailbox';
import { startLocalStack, type LocalStack } from '../support/local-stack';
import { appCodeOf as codeOf, loggedIn, PASSWORD, registeredMerchant, withAuthenticatorApp } from './support/merchant';
import { SiteClient } from './support/site-client';

let stack: LocalStack;
let mailbox: Mailbox;

beforeAll(async () => {
  stack = await startLocalStack({ port: 3221, mailboxPort: 18221, env: { POWERTOOLS_LOG_LEVEL: 'SILENT' } });
  mailbox = new Mailbox(stack.mailboxUrl);
});
afterAll(() => stack?.stop());

async function enrolled() {
  const merchant = await registeredMerchant(stack);
  const site = await loggedIn(stack, merchant.email);
  const { setup, secret, recoveryCodes } = await withAuthenticatorApp(site);
  expect(setup.qrCodeSvg).toMatch(/^<svg[\s\S]*<\/svg>\s*$/);
  expect(setup.accountName).toContain(merchant.email);
  return { ...merchant, site, secret, recoveryCodes };
}

describe('the second sign-in step', () => {
  it('asks for the code after the password, signs in with it, and refuses it a second time', async () => {
    const { email, secret, recoveryCodes } = await enrolled();
    expect(recoveryCodes).toHaveLength(10);
    const browser = new SiteClient(stack.siteUrl);

    const password = await browser.post('/api/login', { loginId: email, password: PASSWORD });
    expect(password.status).toBe(200);
    expect(password.body).toEqual({ next: 'second-factor', methods: ['authenticator', 'recovery-code'] });
    expect(browser.cookie('__Host-session')).toBeUndefined();
    expect((await browser.get('/api/me')).status).toBe(401);

    const code = await codeOf(secret);
    const second = await browser.post('/api/login/second-factor', { code });
    expect(second.status).toBe(200);
    expect((await browser.get('/api/me')).body.email).toBe(email);
    expect(browser.cookie('__Host-step')).toBeUndefined();

    const again = new SiteClient(stack.siteUrl);
    await again.post('/api/login', { loginId: email, password: PASSWORD });
    const replay = await again.post('/api/login/second-factor', { code });
    expect(replay.status).toBe(400);
    expect(replay.body.error.code).toBe('CODE_WRONG');
  });

  it('signs in with a recovery code once, says how many remain, and mails a notice', async () => {
    const { email, recoveryCodes } = await enrolled();
    const browser = new SiteClient(stack.siteUrl);
    await browser.post('/api/login', { loginId: email, password: PASSWORD });

    const used = await browser.post('/api/login/second-factor', { recoveryCode: recoveryCodes[0] });

    expect(used.status).toBe(200);
    expect(used.body).toEqual({ ok: true, recoveryCodesLeft: 9 });
    const other = new SiteClient(stack.siteUrl);
    await other.post('/api/login', { loginId: email, password: PASSWORD });
    expect((await other.post('/api/login/second-factor', { recoveryCode: recoveryCodes[0] })).status).toBe(400);
    const notice = (await mailbox.messagesTo(email)).find((m) => m.subject.includes('リカバリーコード使用のお知らせ'));
    expect(notice?.body.text).toContain('残りのリカバリーコード : 9個');
  });

  it('without the step cookie, or with no code, opens nothing', async () => {
    const browser = new SiteClient(stack.siteUrl);
    const none = await browser.post('/api/login/second-factor', { code: '123456' });
    expect(none.status).toBe(401);
    expect(none.body.error.message).toContain('もう一度ログインしてください');
    expect((await browser.post('/api/login/second-factor', {})).status).toBe(400);
  });

  it('lists the factors without any secret', async () => {
    const { site, secret } = await enrolled();
    const factors = await site.get('/api/factors');
    expect(factors.body).toEqual({
      policy: 'optional',
      authenticator: { addedAt: expect.any(String), lastUsedAt: null },
      recoveryCodes: { remaining: 10, generatedAt: expect.any(String) },
      passkeys: 0,
    });
    expect(JSON.stringify(factors.body)).not.toContain(secret);
  });
});
