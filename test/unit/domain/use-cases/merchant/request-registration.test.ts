import { hashToken } from '../../../../../lambdas/domain/completion-token';
import {
  DomainError,
  EmailUnavailableError,
  InvalidCredentialsError,
  LinkInvalidError,
  MailNotSentError,
  TooManyRequestsError,
} from '../../../../../lambdas/domain/errors';
import { hashPasscode } from '../../../../../lambdas/domain/passcode';
import { openRequest } from '../../../../../lambdas/domain/use-cases/shared/open-request';

const openRegistration = (token: string, deps: Parameters<typeof openRequest>[2]) => openRequest('registration', token, deps);
import { requestPasswordReset } from '../../../../../lambdas/domain/use-cases/merchant/request-password-reset';
import { requestRegistration } from '../../../../../lambdas/domain/use-cases/merchant/request-registration';
import {
  fakeWorld,
  lastRegistrationMails,
  LETTER,
  PASSCODE_KEY,
  seedInvitedAccount,
  seedRegisteredAccount,
  SITE_URL,
  stringsIn,
  type FakeWorld,
} from '../../../fakes/world';

const EMAIL = 'taro.yamada@example.com';
const application = { loginId: LETTER.loginId, initialPassword: LETTER.initialPassword, email: EMAIL };

const SUBJECT_URL = '【GMOフィナンシャルゲート】お客様サポートWEB用メールアドレス登録申請受付のお知らせ';
const SUBJECT_PASSCODE = `${SUBJECT_URL}(パスコード)`;
const SAME_ANSWER = 'ログインIDまたはパスワードが正しくありません。';

describe('requestRegistration (初回メールアドレス登録)', () => {
  let world: FakeWorld;

  beforeEach(async () => {
    world = fakeWorld();
    await seedInvitedAccount(world);
  });

  it('sends the URL mail, then the passcode mail, to the lower-cased address', async () => {
    // Act
    await requestRegistration({ ...application, email: 'Taro.Yamada@Example.COM' }, world);

    // Assess
    expect(world.mailer.sent.map((m) => [m.to, m.subject])).toEqual([
      [EMAIL, SUBJECT_URL],
      [EMAIL, SUBJECT_PASSCODE],
    ]);
    const { url, passcode } = lastRegistrationMails(world);
    expect(url).toMatch(new RegExp(`^${SITE_URL}/passcode\\.html#[A-Za-z0-9_-]{43}$`));
    expect(passcode).toMatch(/^\d{6}$/);
  });

  it("takes the letter's ID in lower case or full width and the address in full width, as stored", async () => {
    // Arrange
    const fullWidth = (text: string) => [...text].map((c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0)).join('');

    // Act
    await requestRegistration(
      {
        loginId: `\u3000${fullWidth(LETTER.loginId.toLowerCase())}`,
        initialPassword: LETTER.initialPassword,
        email: ` ${fullWidth(EMAIL)}\u3000`,
      },
      world,
    );

    // Assess
    expect(world.mailer.sent.map((m) => m.to)).toEqual([EMAIL, EMAIL]);
    expect(world.audit.events).toContainEqual(
      expect.objectContaining({ event: 'registration.requested', outcome: 'success', loginId: LETTER.loginId }),
    );
  });

  it('stores one pending request, valid 24 hours, made of hashes only', async () => {
    // Act
    await requestRegistration(application, world);

    // Assess
    const { token, passcode } = lastRegistrationMails(world);
    const [request] = world.requests.all();
    expect(request).toEqual({
      tokenHash: hashToken(token),
      kind: 'registration',
      loginId: LETTER.loginId,
      email: EMAIL,
      passcodeHash: hashPasscode(PASSCODE_KEY, hashToken(token), passcode),
      wrongPasscodes: 0,
      status: 'pending',
      createdAt: '2025-04-01T09:00:00.000Z',
      expiresAt: '2025-04-02T09:00:00.000Z',
    });
    expect(world.accounts.peek(LETTER.loginId)?.pendingTokenHash).toBe(hashToken(token));
    const stored = stringsIn([world.requests.all(), world.accounts.all()]);
    expect(stored.filter((s) => s.includes(token))).toEqual([]);
    expect(stored.filter((s) => s === passcode)).toEqual([]);
  });

  it.each([
    ['an unknown login ID', { loginId: 'M99999999' }],
    ['a wrong initial password', { initialPassword: 'Hq7#xTk4Wp9=Nz' }],
  ])('refuses %s with the one credentials answer', async (_label, change) => {
    // Act
    const attempt = requestRegistration({ ...application, ...change }, world);

    // Assess
    await expect(attempt).rejects.toThrow(InvalidCredentialsError);
    await expect(attempt).rejects.toThrow(SAME_ANSWER);
    expect(world.mailer.sent).toEqual([]);
    expect(world.requests.all()).toEqual([]);
  });

  it('refuses an account that is already registered with the one credentials answer', async () => {
    // Prepare
    await seedInvitedAccount(world, { status: 'registered', email: 'old@example.com', initialPasswordHash: undefined });

    // Act
    const attempt = requestRegistration(application, world);

    // Assess
    await expect(attempt).rejects.toThrow(new InvalidCredentialsError('').message);
    await expect(attempt).rejects.toBeInstanceOf(InvalidCredentialsError);
    expect(world.mailer.sent).toEqual([]);
  });

  it('refuses an expired initial password, from the moment of expiry, with the one credentials answer', async () => {
    // Prepare
    const account = await seedInvitedAccount(world);
    world.clock.set(account.initialPasswordExpiresAt!);

    // Act
    const attempt = requestRegistration(application, world);

    // Assess
    await expect(attempt).rejects.toBeInstanceOf(InvalidCredentialsError);
    await expect(attempt).rejects.toThrow(SAME_ANSWER);
    expect(world.audit.last()).toMatchObject({ event: 'registration.requested', outcome: 'failure', reason: 'initial password expired' });
  });

  it('accepts the initial password a moment before it expires', async () => {
    // Prepare
    const account = await seedInvitedAccount(world);
    world.clock.set(account.initialPasswordExpiresAt!);
    world.clock.advance({ ms: -1 });

    // Act
    await requestRegistration(application, world);

    // Assess
    expect(world.mailer.sent).toHaveLength(2);
  });

  it('refuses an email another account logs in with', async () => {
    // Prepare
    world.accounts.seed({
      loginId: 'M00000001',
      status: 'registered',
      email: EMAIL,
      passwordHistory: ['scrypt$…'],
      createdAt: '2025-01-01T00:00:00.000Z',
    });

    // Act
    const attempt = requestRegistration({ ...application, email: 'TARO.yamada@example.com' }, world);

    // Assess
    await expect(attempt).rejects.toBeInstanceOf(EmailUnavailableError);
    expect(world.mailer.sent).toEqual([]);
    expect(world.accounts.peek(LETTER.loginId)?.pendingTokenHash).toBeUndefined();
  });

  it('replaces an earlier request: the first link then says "replaced", the second works', async () => {
    // Prepare
    await requestRegistration(application, world);
    const first = lastRegistrationMails(world);
    world.clock.advance({ minutes: 10 });

    // Act
    await requestRegistration(application, world);

    // Assess
    const second = lastRegistrationMails(world);
    expect(second.token).not.toBe(first.token);
    await expect(openRegistration(first.token, world)).rejects.toMatchObject({ reason: 'replaced' });
    await expect(openRegistration(first.token, world)).rejects.toBeInstanceOf(LinkInvalidError);
    await expect(openRegistration(second.token, world)).resolves.toMatchObject({ request: { email: EMAIL, status: 'pending' } });
  });

  it('reports a mail failure as MailNotSentError, and registering again sends new mails', async () => {
    // Prepare
    world.mailer.failNext();

    // Act
    const failed = requestRegistration(application, world);
    await expect(failed).rejects.toBeInstanceOf(MailNotSentError);
    await requestRegistration(application, world);

    // Assess
    expect(world.mailer.sent.map((m) => m.subject)).toEqual([SUBJECT_URL, SUBJECT_PASSCODE]);
    const { token } = lastRegistrationMails(world);
    await expect(openRegistration(token, world)).resolves.toBeDefined();
    expect(world.audit.named('registration.requested').map((e) => [e.outcome, e.reason])).toEqual([
      ['failure', 'mail not sent'],
      ['success', undefined],
    ]);
  });

  it('keeps the MailNotSentError cause and answers with a Japanese message', async () => {
    // Prepare
    const sesFailure = new Error('Throttling');
    world.mailer.failNext(sesFailure);

    // Act
    const error = await requestRegistration(application, world).catch((e: unknown) => e);

    // Assess
    expect(error).toBeInstanceOf(MailNotSentError);
    expect((error as MailNotSentError).cause).toBe(sesFailure);
    expect((error as MailNotSentError).message).toBe('メールを送信できませんでした。時間をおいて再度お試しください。');
  });

  it('records success and every failure as audit events, with no secret in any of them', async () => {
    // Prepare
    world.mailer.failNext();

    // Act
    await requestRegistration({ ...application, loginId: 'M99999999' }, world).catch(() => undefined);
    await requestRegistration({ ...application, initialPassword: 'Wrong#Password1' }, world).catch(() => undefined);
    await requestRegistration(application, world).catch(() => undefined);
    await requestRegistration(application, world);

    // Assess
    const { token, passcode } = lastRegistrationMails(world);
    expect(world.audit.events.map((e) => [e.event, e.outcome, e.reason])).toEqual([
      ['registration.requested', 'failure', 'unknown login ID'],
      ['registration.requested', 'failure', 'wrong initial password'],
      ['registration.requested', 'failure', 'mail not sent'],
      ['registration.requested', 'success', undefined],
    ]);
    expect(world.audit.last()).toMatchObject({ loginId: LETTER.loginId, email: EMAIL, expiresAt: '2025-04-02T09:00:00.000Z' });
    const logged = JSON.stringify(world.audit.events);
    for (const secret of [LETTER.initialPassword, 'Wrong#Password1', token, passcode]) expect(logged).not.toContain(secret);
  });

  describe('abuse limits (DESIGN: security numbers)', () => {
    it('locks the ID after five wrong initial passwords: even the right one gets the same answer and no mail', async () => {
      // Prepare
      for (let i = 0; i < 5; i += 1) {
        await requestRegistration({ ...application, initialPassword: `Wrong#Password${i}` }, world).catch(() => undefined);
      }

      // Act
      const attempt = requestRegistration(application, world);

      // Assess
      await expect(attempt).rejects.toBeInstanceOf(InvalidCredentialsError);
      await expect(attempt).rejects.toThrow(SAME_ANSWER);
      expect(world.mailer.sent).toEqual([]);
      expect(world.audit.last()).toMatchObject({
        event: 'registration.requested',
        outcome: 'failure',
        reason: expect.stringMatching(/lock/i),
      });
    });

    it('lets the ID in again once the 15-minute lock is over', async () => {
      // Prepare
      for (let i = 0; i < 5; i += 1) {
        await requestRegistration({ ...application, initialPassword: `Wrong#Password${i}` }, world).catch(() => undefined);
      }
      world.clock.advance({ minutes: 15, seconds: 1 });

      // Act
      await requestRegistration(application, world);

      // Assess
      expect(world.mailer.sent).toHaveLength(2);
    });

    it('answers an address past its hourly mails as a fresh one, and sends it nothing', async () => {
      // Prepare: the address was mailed five times this hour through another flow.
      for (let i = 0; i < 5; i += 1) await requestPasswordReset({ email: EMAIL }, world);

      // Act
      const attempt = requestRegistration(application, world);

      // Assess
      await expect(attempt).resolves.toBeUndefined();
      expect(world.mailer.sent).toEqual([]);
      expect(world.audit.last()).toMatchObject({
        event: 'registration.requested',
        outcome: 'failure',
        loginId: LETTER.loginId,
        email: EMAIL,
        reason: 'mail rate limit (address)',
      });
    });

    it('counts a request for an address in use, so a letter cannot probe more addresses than it may mail', async () => {
      // Prepare
      await seedRegisteredAccount(world, { loginId: 'M20250402', email: 'other1@example.com' });
      for (let i = 1; i <= 5; i += 1) {
        await requestRegistration({ ...application, email: `other${i}@example.com` }, world).catch(() => undefined);
      }

      // Act
      const sixth = requestRegistration({ ...application, email: 'other1@example.com' }, world);

      // Assess
      await expect(sixth).rejects.toBeInstanceOf(TooManyRequestsError);
    });

    it('throttles registration emails per account, with an answer the page can show', async () => {
      // Prepare
      const outcomes: unknown[] = [];

      // Act: ten requests within fifty minutes.
      for (let i = 0; i < 10; i += 1) {
        world.clock.advance({ minutes: 5 });
        outcomes.push(
          await requestRegistration(application, world).then(
            () => 'sent',
            (error: unknown) => error,
          ),
        );
      }

      // Assess
      const sent = outcomes.filter((o) => o === 'sent').length;
      const refused = outcomes.filter((o) => o !== 'sent');
      expect(refused.length).toBeGreaterThan(0);
      for (const refusal of refused) expect(refusal).toBeInstanceOf(DomainError);
      expect(world.mailer.sent).toHaveLength(2 * sent);
    });
  });
});
