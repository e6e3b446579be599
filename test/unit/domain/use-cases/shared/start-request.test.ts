import { hashToken } from '../../../../../lambdas/domain/completion-token';
import { LinkInvalidError, MailNotSentError } from '../../../../../lambdas/domain/errors';
import { PENDING_TOKEN_ATTRIBUTE, type RequestKind } from '../../../../../lambdas/domain/model';
import { hashPasscode } from '../../../../../lambdas/domain/passcode';
import { openRequest } from '../../../../../lambdas/domain/use-cases/shared/open-request';
import { startRequest } from '../../../../../lambdas/domain/use-cases/shared/start-request';
import {
  failureOf,
  fakeWorld,
  lastRegistrationMails,
  MERCHANT,
  PASSCODE_KEY,
  seedAccountFor,
  seedRegisteredAccount,
  SITE_URL,
  stringsIn,
  type FakeWorld,
} from '../../../fakes/world';

const KINDS: RequestKind[] = ['registration', 'passwordReset', 'emailChange'];
const TO = 'taro.new@example.net';
/** Where each kind's mails go: a reset to the account's own address, the others to a new one. */
const ADDRESS: Record<RequestKind, string> = { registration: TO, passwordReset: MERCHANT.email, emailChange: TO };
const PAGE = { registration: 'passcode.html', passwordReset: 'reset-password.html', emailChange: 'confirm-email.html' };
const SUBJECT = {
  registration: '【GMOフィナンシャルゲート】お客様サポートWEB用メールアドレス登録申請受付のお知らせ',
  passwordReset: '【GMOフィナンシャルゲート】お客様サポートWEBパスワード再設定申請受付のお知らせ',
  emailChange: '【GMOフィナンシャルゲート】お客様サポートWEB用メールアドレス変更申請受付のお知らせ',
};
const AUDIT = { registration: 'registration.requested', passwordReset: 'password-reset.requested', emailChange: 'email-change.requested' };

/** The account each kind needs: invited for a registration, registered for the others. */
describe.each(KINDS)('startRequest (%s)', (kind) => {
  const to = ADDRESS[kind];

  let world: FakeWorld;

  beforeEach(() => {
    world = fakeWorld();
    seedAccountFor(kind, world);
  });

  it("sends the URL mail to the kind's page, then the passcode mail, both to the given address", async () => {
    // Act
    const started = await startRequest(kind, MERCHANT.loginId, to, world);

    // Assess
    expect(started).toBe(true);
    expect(world.mailer.sent.map((m) => [m.to, m.subject])).toEqual([
      [to, SUBJECT[kind]],
      [to, `${SUBJECT[kind]}(パスコード)`],
    ]);
    const { url, token } = lastRegistrationMails(world);
    expect(url).toBe(`${SITE_URL}/${PAGE[kind]}#${token}`);
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it("stores one pending request of its kind, made of hashes only, valid as the wording says, and makes it the account's live one", async () => {
    // Prepare
    world.wording.validityMinutes = 30;

    // Act
    await startRequest(kind, MERCHANT.loginId, to, world);

    // Assess
    const { token, passcode, urlMail } = lastRegistrationMails(world);
    const tokenHash = hashToken(token);
    expect(world.requests.all()).toEqual([
      {
        tokenHash,
        kind,
        loginId: MERCHANT.loginId,
        email: to,
        passcodeHash: hashPasscode(PASSCODE_KEY, tokenHash, passcode),
        wrongPasscodes: 0,
        status: 'pending',
        createdAt: '2025-04-01T09:00:00.000Z',
        expiresAt: '2025-04-01T09:30:00.000Z',
      },
    ]);
    expect(urlMail.text).toContain('30分以内');
    const account = world.accounts.peek(MERCHANT.loginId)!;
    expect(account[PENDING_TOKEN_ATTRIBUTE[kind]]).toBe(tokenHash);
    for (const other of KINDS.filter((k) => k !== kind)) expect(account[PENDING_TOKEN_ATTRIBUTE[other]]).toBeUndefined();
    expect(stringsIn(world.requests.all())).not.toContain(token);
    expect(JSON.stringify(world.requests.all())).not.toContain(passcode);
  });

  it('records the request for auditors with no token or passcode', async () => {
    // Act
    await startRequest(kind, MERCHANT.loginId, to, world);

    // Assess
    const { token, passcode } = lastRegistrationMails(world);
    expect(world.audit.events).toEqual([
      { event: AUDIT[kind], outcome: 'success', loginId: MERCHANT.loginId, email: to, expiresAt: '2025-04-02T09:00:00.000Z' },
    ]);
    expect(JSON.stringify(world.audit.events)).not.toContain(token);
    expect(JSON.stringify(world.audit.events)).not.toContain(passcode);
  });

  it('replaces the earlier request of its kind: the earlier link says "replaced"', async () => {
    // Prepare
    await startRequest(kind, MERCHANT.loginId, to, world);
    const first = lastRegistrationMails(world);

    // Act
    await startRequest(kind, MERCHANT.loginId, to, world);

    // Assess
    const error = await failureOf(openRequest(kind, first.token, world));
    expect(error).toBeInstanceOf(LinkInvalidError);
    expect((error as LinkInvalidError).reason).toBe('replaced');
    await expect(openRequest(kind, lastRegistrationMails(world).token, world)).resolves.toBeDefined();
  });

  it('answers false and sends nothing when the account is disabled', async () => {
    // Prepare
    await world.accounts.setDisabled(MERCHANT.loginId, { at: '2025-04-01T08:00:00.000Z', reason: 'contract ended', by: 'ops' });

    // Act
    const started = await startRequest(kind, MERCHANT.loginId, to, world);

    // Assess
    expect(started).toBe(false);
    expect(world.mailer.sent).toEqual([]);
    expect(world.accounts.peek(MERCHANT.loginId)?.[PENDING_TOKEN_ATTRIBUTE[kind]]).toBeUndefined();
  });

  it('answers false and sends nothing for an unknown login ID', async () => {
    // Act
    const started = await startRequest(kind, 'M99999999', to, world);

    // Assess
    expect(started).toBe(false);
    expect(world.mailer.sent).toEqual([]);
    expect(world.accounts.peek('M99999999')).toBeUndefined();
  });

  it.each([
    ['the URL mail', 1],
    ['the passcode mail', 2],
  ])('fails with MailNotSentError when %s is refused, and audits it', async (_which, nth) => {
    // Prepare
    const refusal = new Error('MessageRejected');
    if (nth === 2) {
      const send = world.mailer.send.bind(world.mailer);
      let calls = 0;
      world.mailer.send = async (mail) => {
        calls += 1;
        if (calls === 2) throw refusal;
        return send(mail);
      };
    } else {
      world.mailer.failNext(refusal);
    }

    // Act
    const error = await failureOf(startRequest(kind, MERCHANT.loginId, to, world));

    // Assess
    expect(error).toBeInstanceOf(MailNotSentError);
    expect((error as MailNotSentError).cause).toBe(refusal);
    expect(world.audit.events).toEqual([
      { event: AUDIT[kind], outcome: 'failure', loginId: MERCHANT.loginId, email: to, reason: 'mail not sent' },
    ]);
  });
});

describe('startRequest (account state per kind)', () => {
  let world: FakeWorld;

  beforeEach(() => {
    world = fakeWorld();
  });

  it('refuses a registration for an account already registered', async () => {
    // Prepare
    seedRegisteredAccount(world);

    // Act
    const started = await startRequest('registration', MERCHANT.loginId, TO, world);

    // Assess
    expect(started).toBe(false);
    expect(world.mailer.sent).toEqual([]);
  });

  it.each(['passwordReset', 'emailChange'] as const)('refuses %s for an account still invited', async (kind) => {
    // Prepare
    seedAccountFor('registration', world);

    // Act
    const started = await startRequest(kind, MERCHANT.loginId, TO, world);

    // Assess
    expect(started).toBe(false);
    expect(world.mailer.sent).toEqual([]);
  });

  it('keeps one live request of each kind side by side', async () => {
    // Prepare
    seedRegisteredAccount(world);
    await startRequest('passwordReset', MERCHANT.loginId, MERCHANT.email, world);
    const reset = lastRegistrationMails(world);

    // Act
    await startRequest('emailChange', MERCHANT.loginId, TO, world);

    // Assess
    await expect(openRequest('passwordReset', reset.token, world)).resolves.toBeDefined();
    await expect(openRequest('emailChange', lastRegistrationMails(world).token, world)).resolves.toBeDefined();
  });
});
