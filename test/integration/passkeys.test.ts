/**
 * Passkeys through the real handlers and the emulators, over HTTP: a Node authenticator
 * registers a passkey from a signed-in session, signs in with it alone, and a used challenge
 * does not sign in again.
 */
import { startLocalStack, type LocalStack } from '../support/local-stack';
import { NodeAuthenticator } from '../support/node-authenticator';
import { loggedIn, registeredMerchant } from './support/merchant';
import { SiteClient } from './support/site-client';

let stack: LocalStack;

beforeAll(async () => {
  stack = await startLocalStack({ port: 3211, mailboxPort: 18211, env: { POWERTOOLS_LOG_LEVEL: 'SILENT' } });
});
afterAll(async () => {
  await stack?.stop();
});

const FAILED = 'パスキーでログインできませんでした。もう一度お試しいただくか、メールアドレスとパスワードでログインしてください。';

describe('passkeys', () => {
  it('registers a passkey, lists it, signs in with it alone, and refuses the same challenge twice', async () => {
    // Prepare
    const { email, loginId } = await registeredMerchant(stack);
    const signedIn = await loggedIn(stack, email);
    const authenticator = new NodeAuthenticator(stack.siteUrl);

    // Act: register
    const options = await signedIn.post('/api/passkeys/registration-options', {});
    const registered = await signedIn.post('/api/passkeys/registration', {
      response: authenticator.create(options.body.options),
      name: 'テスト端末',
    });
    const listed = await signedIn.get('/api/passkeys');

    // Assess
    expect(options.status).toBe(200);
    expect(options.body.options.rp.id).toBe(new URL(stack.siteUrl).hostname);
    expect(registered).toMatchObject({ status: 200, body: { id: authenticator.credentialId, name: 'テスト端末', firstFactor: true } });
    expect(listed.body.passkeys).toEqual([
      expect.objectContaining({ id: authenticator.credentialId, name: 'テスト端末', lastUsedAt: null }),
    ]);
    expect(JSON.stringify(listed.body)).not.toContain('publicKey');

    // Act: sign in from another browser with the passkey alone
    const browser = new SiteClient(stack.siteUrl);
    const challenge = await browser.post('/api/passkey-login/options', {});
    const response = authenticator.get(challenge.body.options);
    const login = await browser.post('/api/passkey-login', { response });
    const me = await browser.get('/api/me');

    // Assess
    expect(challenge.body.options.allowCredentials).toEqual([]);
    expect(login).toMatchObject({ status: 200, body: { ok: true } });
    expect(browser.cookie('__Host-step')).toBeUndefined();
    expect(me).toMatchObject({ status: 200, body: { loginId, email } });

    // Act: the same answer again, from a browser that kept the step cookie
    const replayer = new SiteClient(stack.siteUrl);
    const again = await replayer.post('/api/passkey-login/options', {});
    const first = await replayer.post('/api/passkey-login', { response: authenticator.get(again.body.options) });
    await replayer.post('/api/logout', {});
    const replayed = await replayer.post('/api/passkey-login', { response: authenticator.get(again.body.options) });

    // Assess
    expect(first.status).toBe(200);
    expect(replayed).toMatchObject({ status: 401, body: { error: { code: 'PASSKEY_FAILED', message: FAILED } } });
  });

  it('refuses an answer made for another site, with the one message', async () => {
    // Prepare
    const { email } = await registeredMerchant(stack);
    const signedIn = await loggedIn(stack, email);
    const authenticator = new NodeAuthenticator(stack.siteUrl);
    const options = await signedIn.post('/api/passkeys/registration-options', {});
    await signedIn.post('/api/passkeys/registration', { response: authenticator.create(options.body.options) });
    const browser = new SiteClient(stack.siteUrl);
    const challenge = await browser.post('/api/passkey-login/options', {});

    // Act
    const login = await browser.post('/api/passkey-login', {
      response: authenticator.get(challenge.body.options, { origin: 'https://phish.example.com' }),
    });

    // Assess
    expect(login).toMatchObject({ status: 401, body: { error: { message: FAILED } } });
    expect((await browser.get('/api/me')).status).toBe(401);
  });
});
