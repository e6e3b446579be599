/**
 * `npm run ops -- status | reissue | reset-registration | disable | enable` as the support desk runs
 * them beside a running local stack, and what the merchant then sees on the site.
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { Mailbox } from '../browser/support/mailbox';
import { startLocalStack, type LocalStack } from '../support/local-stack';
import { scratchDir } from '../support/scratch-dir';
import { appCodeOf, loggedIn, PASSWORD, registeredMerchant, tokenOf, withAuthenticatorApp } from './support/merchant';
import { runOps, type OpsResult } from './support/ops-cli';
import { SiteClient } from './support/site-client';

const NEW_PASSWORD = 'Yr8$nB3w=Tq6Hc';
const WRONG = 'Wrong#Password9';
const workDir = scratchDir('ops-accounts-');
const targetFile = workDir.path('target.json');
let stack: LocalStack;
let mailbox: Mailbox;
let serial = 0;

// Each step spawns the ops command or waits for mail: well over jest's default 5 s per test.
jest.setTimeout(60_000);

beforeAll(async () => {
  stack = await startLocalStack({ port: 3208, mailboxPort: 18208, publishTarget: targetFile, env: { POWERTOOLS_LOG_LEVEL: 'SILENT' } });
  mailbox = new Mailbox(stack.mailboxUrl);
});
afterAll(async () => {
  await stack?.stop();
  workDir.remove();
});

/** Everything a run printed, kept so the whole test file can be checked for secrets at the end. */
const printed: string[] = [];

/** The ops command with its audit lines on (they go to stderr as JSON). */
interface OpsRun extends OpsResult {
  audit: Record<string, unknown>[];
}

async function ops(...args: string[]): Promise<OpsRun> {
  const run = await runOps(args, { LOCAL_TARGET_FILE: targetFile, OPS_OPERATOR: 'ops.tanaka', POWERTOOLS_LOG_LEVEL: 'INFO' });
  printed.push(run.stdout, run.stderr);
  const audit = run.stderr
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as Record<string, unknown>)
    // The command's own opening and closing lines (ops.command) are ops-audit-trail.test.ts's.
    .filter((line) => line.audit === true && line.event !== 'ops.command');
  return { ...run, audit };
}

async function json(running: OpsRun | Promise<OpsRun>) {
  const run = await running;
  if (run.status !== 0) throw new Error(`ops failed (${run.status}): ${run.stderr}`);
  return JSON.parse(run.stdout);
}

/** An invited account, provisioned through the ops command as the letter's would be. */
function invitedAccount(): Promise<{ loginId: string; initialPassword: string }> {
  serial += 1;
  return json(ops('create-account', `OPSACC-${String(serial).padStart(3, '0')}`, '--json'));
}

const firstLogin = (loginId: string, initialPassword: string, email: string) =>
  new SiteClient(stack.siteUrl).post('/api/first-login', { loginId, initialPassword, email });

async function completeRegistration(email: string, password: string, earlierPairs = 0) {
  const mails = await mailbox.registrationMails(email, { earlierPairs });
  return new SiteClient(stack.siteUrl).post('/api/registration/complete', {
    token: tokenOf(mails.completionUrl),
    passcode: mails.passcode,
    newPassword: password,
    newPasswordConfirmation: password,
  });
}

describe('reissue', () => {
  it('makes the old initial password fail and the new one work at first login, and voids a pending registration link', async () => {
    const { loginId, initialPassword: old } = await invitedAccount();
    const email = `${loginId.toLowerCase()}@example.com`;
    await firstLogin(loginId, old, email);
    const pending = await mailbox.registrationMails(email);

    const reissued = await ops('reissue', loginId, '--json');

    expect(reissued.status).toBe(0);
    expect(reissued.stdout.trim().split('\n')).toHaveLength(1);
    const letter = JSON.parse(reissued.stdout);
    expect(letter).toEqual({ loginId, initialPassword: expect.stringMatching(/^\S{14}$/), initialPasswordExpiresAt: expect.any(String) });
    expect(letter.initialPassword).not.toBe(old);
    const site = new SiteClient(stack.siteUrl);
    expect(await site.post('/api/registration/status', { token: tokenOf(pending.completionUrl) })).toMatchObject({
      status: 410,
      body: { error: { code: 'LINK_INVALID', reason: 'replaced' } },
    });
    expect((await firstLogin(loginId, old, email)).status).toBe(401);
    expect((await firstLogin(loginId, letter.initialPassword, email)).status).toBe(200);
    expect((await completeRegistration(email, PASSWORD, 1)).status).toBe(200);
    await loggedIn(stack, email);
    expect(reissued.audit).toEqual([
      expect.objectContaining({ event: 'account.reissued', outcome: 'success', loginId, operator: 'ops.tanaka', registrationVoided: true }),
    ]);
    expect(reissued.stderr).not.toContain(letter.initialPassword);
  });

  it('clears the first-login lock, so the new letter works at once', async () => {
    const { loginId } = await invitedAccount();
    const email = `${loginId.toLowerCase()}@example.com`;
    for (let i = 0; i < 5; i += 1) await firstLogin(loginId, WRONG, email);
    expect((await json(ops('status', loginId, '--json'))).lockedUntil.firstLogin).toEqual(expect.any(String));

    const letter = await json(ops('reissue', loginId, '--json'));

    expect((await firstLogin(loginId, letter.initialPassword, email)).status).toBe(200);
  });

  it('refuses a registered account, pointing to reset-registration, with exit 1 and nothing on stdout', async () => {
    const { loginId } = await registeredMerchant(stack);

    const refused = await ops('reissue', loginId);

    expect(refused.status).toBe(1);
    expect(refused.stdout).toBe('');
    expect(refused.stderr).toContain('reset-registration');
    expect(refused.audit).toEqual([expect.objectContaining({ event: 'account.reissued', outcome: 'failure', loginId })]);
  });

  it('refuses an unknown or malformed login ID', async () => {
    expect(await ops('reissue', 'NOBODY-0001')).toMatchObject({ status: 1, stderr: expect.stringContaining('No account NOBODY-0001') });
    expect(await ops('reissue', 'a b')).toMatchObject({ status: 2, stderr: expect.stringContaining('is not a valid login ID') });
  });
});

describe('status', () => {
  it('shows an invited account with its initial password expiry and its letter still to print', async () => {
    const { loginId } = await invitedAccount();

    const shown = await json(ops('status', loginId, '--json'));
    const human = await ops('status', loginId);

    expect(shown).toMatchObject({
      loginId,
      state: 'invited',
      initialPassword: { expiresAt: expect.any(String), expired: false },
      letterToPrint: { issuedAt: expect.any(String) },
    });
    expect(human.status).toBe(0);
    expect(human.stdout).toMatch(/state:\s+invited/);
    expect(human.stdout).toMatch(/initial password:\s+valid until \d{4}-\d{2}-\d{2} \d{2}:\d{2} JST/);
    expect(human.stdout).toMatch(/letter:\s+to be printed/);
  });

  it('shows a pending registration with its address, expiry and wrong passcodes', async () => {
    const { loginId, initialPassword } = await invitedAccount();
    const email = `${loginId.toLowerCase()}@example.com`;
    await firstLogin(loginId, initialPassword, email);
    const mails = await mailbox.registrationMails(email);
    const wrong = mails.passcode === '000000' ? '111111' : '000000';
    await new SiteClient(stack.siteUrl).post('/api/registration/complete', {
      token: tokenOf(mails.completionUrl),
      passcode: wrong,
      newPassword: PASSWORD,
      newPasswordConfirmation: PASSWORD,
    });

    const shown = await json(ops('status', loginId, '--json'));
    const human = await ops('status', loginId);

    expect(shown).toMatchObject({
      state: 'pending registration',
      registration: { state: 'pending', email, expiresAt: expect.any(String), wrongPasscodes: 1 },
    });
    expect(human.stdout).toMatch(/state:\s+pending registration/);
    expect(human.stdout).toContain(`pending to ${email}, valid until`);
    expect(human.stdout).toContain('wrong passcodes: 1');
  });

  it('shows a registered account, found by its email too, with its last login', async () => {
    const { loginId, email } = await registeredMerchant(stack);
    await loggedIn(stack, email);

    const shown = await json(ops('status', email.toUpperCase(), '--json'));
    const human = await ops('status', email);

    expect(shown).toMatchObject({
      loginId,
      state: 'registered',
      email,
      registeredAt: expect.any(String),
      lastLoginAt: expect.any(String),
      lockedUntil: {},
    });
    expect(human.stdout).toMatch(new RegExp(`email:\\s+${email.replace('.', '\\.')}`));
    expect(human.stdout).toMatch(/locked:\s+no/);
  });

  it('shows the login lock of a locked email and until when', async () => {
    const { loginId, email } = await registeredMerchant(stack);
    for (let i = 0; i < 5; i += 1) await new SiteClient(stack.siteUrl).post('/api/login', { loginId: email, password: WRONG });

    const shown = await json(ops('status', loginId, '--json'));
    const human = await ops('status', loginId);

    expect(new Date(shown.lockedUntil.login).getTime()).toBeGreaterThan(Date.now() + 10 * 60_000);
    expect(human.stdout).toMatch(/locked:\s+login until \d{4}-\d{2}-\d{2} \d{2}:\d{2} JST/);
  });

  it('shows a disabled account with when, by whom and why (disable and enable take the email too)', async () => {
    const { loginId, email } = await registeredMerchant(stack);

    expect((await ops('disable', email, '--reason', 'suspected misuse, ticket 4711')).status).toBe(0);
    const shown = await json(ops('status', loginId, '--json'));
    const human = await ops('status', loginId);
    expect((await ops('enable', email, '--reason', 'merchant confirmed by call-back')).status).toBe(0);
    const enabled = await json(ops('status', loginId, '--json'));

    expect(shown.disabled).toEqual({ at: expect.any(String), by: 'ops.tanaka', reason: 'suspected misuse, ticket 4711' });
    expect(human.stdout).toMatch(/state:\s+registered — DISABLED/);
    expect(human.stdout).toContain('by ops.tanaka: suspected misuse, ticket 4711');
    expect(enabled).not.toHaveProperty('disabled');
  });

  it('refuses to disable an account already disabled, telling since when, by whom and why; enable refuses one not disabled', async () => {
    const { loginId } = await registeredMerchant(stack);
    await ops('disable', loginId, '--reason', 'contract ended');

    const again = await ops('disable', loginId, '--reason', 'suspected misuse');
    const shown = await json(ops('status', loginId, '--json'));
    await ops('enable', loginId, '--reason', 'contract renewed');
    const notDisabled = await ops('enable', loginId, '--reason', 'contract renewed');

    expect(again).toMatchObject({ status: 1, stdout: '' });
    expect(again.stderr).toMatch(
      new RegExp(
        `ops: ${loginId} is already disabled \\(since \\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2} JST, by ops\\.tanaka, reason: contract ended\\); nothing was changed\\.`,
      ),
    );
    expect(again.audit).toContainEqual(
      expect.objectContaining({
        event: 'account.disabled',
        outcome: 'failure',
        reason: 'already disabled',
        requestReason: 'suspected misuse',
      }),
    );
    expect(shown.disabled).toMatchObject({ reason: 'contract ended' });
    expect(notDisabled).toMatchObject({ status: 1, stdout: '' });
    expect(notDisabled.stderr).toContain(`ops: ${loginId} is not disabled; nothing was changed.`);
    expect(notDisabled.audit).toContainEqual(
      expect.objectContaining({ event: 'account.enabled', outcome: 'failure', reason: 'not disabled' }),
    );
  });

  it('shows a pending password reset with its expiry', async () => {
    const { loginId, email } = await registeredMerchant(stack);
    await new SiteClient(stack.siteUrl).post('/api/password-reset', { email });
    await mailbox.requestMails('passwordReset', email);

    const shown = await json(ops('status', loginId, '--json'));

    expect(shown.passwordReset).toEqual({
      state: 'pending',
      email,
      createdAt: expect.any(String),
      expiresAt: expect.any(String),
      wrongPasscodes: 0,
    });
  });

  it('names what it cannot find, with exit 1, and audits every look-up', async () => {
    const byId = await ops('status', 'NOBODY-0002');
    const byEmail = await ops('status', 'nobody@example.com');

    expect(byId).toMatchObject({ status: 1, stdout: '', stderr: expect.stringContaining('No account NOBODY-0002') });
    expect(byEmail).toMatchObject({ status: 1, stderr: expect.stringContaining('No account logs in with nobody@example.com') });
    expect(byId.audit).toEqual([expect.objectContaining({ event: 'account.viewed', outcome: 'failure', operator: 'ops.tanaka' })]);
  });
});

describe('reset-registration', () => {
  it('lets the merchant register again with a new email from the new initial password; the old email and sessions end', async () => {
    const { loginId, email } = await registeredMerchant(stack);
    const session = await loggedIn(stack, email);
    const newEmail = `again.${loginId.toLowerCase()}@example.com`;

    const reset = await ops(
      'reset-registration',
      loginId,
      '--reason',
      'lost email; identity confirmed by call-back, ticket 4712',
      '--json',
    );

    const letter = await json(reset);
    expect(letter).toEqual({
      loginId,
      initialPassword: expect.stringMatching(/^\S{14}$/),
      initialPasswordExpiresAt: expect.any(String),
      previousEmail: email,
      sessionsEnded: 1,
    });
    expect((await session.get('/api/me')).status).toBe(401);
    expect((await new SiteClient(stack.siteUrl).post('/api/login', { loginId: email, password: PASSWORD })).status).toBe(401);
    expect(await json(ops('status', loginId, '--json'))).toMatchObject({ state: 'invited', letterToPrint: expect.any(Object) });
    expect((await firstLogin(loginId, letter.initialPassword, newEmail)).status).toBe(200);
    expect((await completeRegistration(newEmail, NEW_PASSWORD)).status).toBe(200);
    await loggedIn(stack, newEmail, NEW_PASSWORD);
    expect((await new SiteClient(stack.siteUrl).post('/api/login', { loginId: email, password: PASSWORD })).status).toBe(401);
    expect(reset.audit).toEqual([
      expect.objectContaining({
        event: 'account.registration-reset',
        outcome: 'success',
        loginId,
        operator: 'ops.tanaka',
        reason: 'lost email; identity confirmed by call-back, ticket 4712',
        email: `${email[0]}***@example.com`,
      }),
    ]);
    expect(reset.stderr).not.toContain(letter.initialPassword);
  });

  it('frees the old email for another merchant (the sign-in user is deleted from the directory)', async () => {
    const { loginId, email } = await registeredMerchant(stack);
    await json(ops('reset-registration', loginId, '--reason', 'lost email; identity confirmed by call-back, ticket 4713', '--json'));
    const other = await invitedAccount();

    expect((await firstLogin(other.loginId, other.initialPassword, email)).status).toBe(200);
    expect((await completeRegistration(email, NEW_PASSWORD, 1)).status).toBe(200);
    await loggedIn(stack, email, NEW_PASSWORD);
    expect((await json(ops('status', email, '--json'))).loginId).toBe(other.loginId);
  });

  it('keeps the password history: the old password cannot be chosen again', async () => {
    const { loginId } = await registeredMerchant(stack);
    const letter = await json(
      ops('reset-registration', loginId, '--reason', 'lost email; identity confirmed by call-back, ticket 4714', '--json'),
    );
    const newEmail = `history.${loginId.toLowerCase()}@example.com`;
    await firstLogin(loginId, letter.initialPassword, newEmail);

    const reused = await completeRegistration(newEmail, PASSWORD);

    expect(reused).toMatchObject({ status: 400, body: { error: { code: 'PASSWORD_POLICY', violations: [{ rule: 'history' }] } } });
  });

  it('needs --reason, and refuses an invited account pointing to reissue', async () => {
    const { loginId } = await invitedAccount();

    const noReason = await ops('reset-registration', loginId);
    const invited = await ops('reset-registration', loginId, '--reason', 'lost email');

    expect(noReason).toMatchObject({ status: 2, stderr: expect.stringContaining('--reason') });
    expect(invited).toMatchObject({ status: 1, stdout: '', stderr: expect.stringContaining('use reissue') });
    expect((await json(ops('status', loginId, '--json'))).state).toBe('invited');
  });
});

describe('reset-mfa', () => {
  it('removes the app and the recovery codes, ends the sessions, and the merchant gets in with the password alone', async () => {
    const { loginId, email } = await registeredMerchant(stack);
    const site = await loggedIn(stack, email);
    const { secret, recoveryCodes } = await withAuthenticatorApp(site);
    const before = await json(ops('status', loginId, '--json'));
    expect(before.secondFactors).toMatchObject({ authenticator: { state: 'set up' }, passkeys: { count: 0 }, recoveryCodes: { left: 10 } });
    expect((await ops('status', loginId)).stdout).toMatch(/second factors:\s+authenticator app \(set up .*10 recovery code\(s\) left/);

    const reset = await ops('reset-mfa', email, '--reason', 'lost phone; call-back to contract number, ticket 4711');

    expect(reset.status).toBe(0);
    expect(reset.stdout).toContain(
      `Reset the second factors of ${loginId}: removed 0 passkey(s), the authenticator app, the recovery codes; 1 session(s) ended.`,
    );
    expect(reset.audit).toContainEqual(
      expect.objectContaining({
        event: 'mfa.reset',
        outcome: 'success',
        loginId,
        operator: 'ops.tanaka',
        authenticator: true,
        sessionsEnded: 1,
      }),
    );
    expect((await site.get('/api/me')).status).toBe(401);
    expect((await json(ops('status', loginId, '--json'))).secondFactors).toEqual({ passkeys: { count: 0 } });
    // The lost app's codes and the old recovery codes no longer lead anywhere: the password alone signs in.
    const again = new SiteClient(stack.siteUrl);
    expect((await again.post('/api/login', { loginId: email, password: PASSWORD })).body).toEqual({ ok: true });
    expect((await again.get('/api/me')).status).toBe(200);
    const lostApp = new SiteClient(stack.siteUrl);
    await lostApp.post('/api/login', { loginId: email, password: PASSWORD });
    expect((await lostApp.post('/api/login/second-factor', { code: await appCodeOf(secret) })).status).toBe(401);
    expect((await lostApp.post('/api/login/second-factor', { recoveryCode: recoveryCodes[0] })).status).toBe(401);
  });

  it('needs --reason, and refuses an account with no second factor (exit 1, nothing changed)', async () => {
    const { loginId, email } = await registeredMerchant(stack);
    const site = await loggedIn(stack, email);

    const noReason = await ops('reset-mfa', loginId);
    const none = await ops('reset-mfa', loginId, '--reason', 'ticket 4712');

    expect(noReason.status).toBe(2);
    expect(noReason.stderr).toContain('reset-mfa needs --reason');
    expect(none.status).toBe(1);
    expect(none.stderr).toContain(`${loginId} has no second factor`);
    expect(none.stdout).toBe('');
    expect((await site.get('/api/me')).status).toBe(200);
  });
});

describe('every command', () => {
  it.each(['status', 'reissue', 'reset-registration', 'reset-mfa', 'disable', 'enable'])(
    '%s --help shows its own usage and exits 0',
    async (command) => {
      const help = await ops(command, '--help');
      expect(help.status).toBe(0);
      expect(help.stdout).toContain(`ops -- ${command} <`);
    },
  );
});

describe('secrets', () => {
  it('no run printed a hash, token, passcode hash, sealed password or session id', async () => {
    const db = DynamoDBDocumentClient.from(new DynamoDBClient({}));
    const scan = async (table: string) => (await db.send(new ScanCommand({ TableName: table }))).Items ?? [];
    const accounts = await scan(stack.target.tables.accounts);
    const requests = await scan(stack.target.tables.requests);
    const sessions = await scan(stack.target.tables.sessions);
    const secrets = [
      ...accounts.flatMap((a) => [
        a.initialPasswordHash,
        a.pendingLetter?.sealedPassword,
        a.pendingTokenHash,
        a.pendingResetTokenHash,
        a.pendingEmailChangeTokenHash,
        ...(a.passwordHistory ?? []),
      ]),
      ...requests.flatMap((r) => [r.tokenHash, r.passcodeHash]),
      ...sessions.map((s) => s.sessionIdHash),
    ].filter((s): s is string => typeof s === 'string');

    expect(secrets.length).toBeGreaterThan(20);
    const output = printed.join('\n');
    expect(secrets.filter((secret) => output.includes(secret))).toEqual([]);
    expect(output).not.toMatch(/scrypt\$/);
  });
});
