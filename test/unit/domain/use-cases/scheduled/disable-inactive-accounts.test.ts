import { setAccountDisabled } from '../../../../../lambdas/domain/use-cases/ops/set-account-disabled';
import { disableInactiveAccounts } from '../../../../../lambdas/domain/use-cases/scheduled/disable-inactive-accounts';
import { fakeWorld, MERCHANT, PASSWORDS, seedInvitedAccount, seedRegisteredAccount, type FakeWorld } from '../../../fakes/world';
import { signedInSession } from '../../../fakes/signed-in-session';

/** The merchant's last sign-in; the clock starts here and the tests move it in days. */
const LAST_LOGIN = '2025-04-01T01:00:00.000Z';
const DAYS = 90;

describe('disableInactiveAccounts (the daily inactivity rule)', () => {
  let world: FakeWorld;
  const run = () => disableInactiveAccounts(DAYS, world);
  const account = () => world.accounts.peek(MERCHANT.loginId)!;

  beforeEach(() => {
    world = fakeWorld({ start: LAST_LOGIN });
    seedRegisteredAccount(world, { account: { lastLoginAt: LAST_LOGIN } });
  });

  it('leaves an account used 75 days ago alone, and warns it once at 76 days: the email says since when and until when', async () => {
    // Prepare
    world.clock.advance({ days: 75 });
    const early = await run();
    world.clock.advance({ days: 1 });

    // Act
    const counts = await run();
    const again = await run();

    // Assess
    expect(early).toEqual({ warned: 0, disabled: 0, skipped: 1 });
    expect(counts).toEqual({ warned: 1, disabled: 0, skipped: 0 });
    expect(again).toEqual({ warned: 0, disabled: 0, skipped: 1 });
    expect(world.mailer.sent).toHaveLength(1);
    const [mail] = world.mailer.sent;
    expect(mail!.to).toBe(MERCHANT.email);
    expect(mail!.subject).toBe('【GMOフィナンシャルゲート】お客様サポートWEB ご利用停止予定のお知らせ');
    expect(mail!.text).toContain('最終ご利用日 : 2025年4月1日');
    expect(mail!.text).toContain('ご利用停止予定日 : 2025年6月30日');
    expect(mail!.text).toContain('ご利用停止予定日までに一度ログインしてください。');
    expect(mail!.text).toContain('ログインページ : https://support.example.jp/');
    expect(mail!.text).toContain(world.wording.supportContactEmail);
    expect(account().inactivityWarnedAt).toBe(world.clock.iso());
    expect(world.audit.named('account.inactivity-warned')).toEqual([
      expect.objectContaining({
        outcome: 'success',
        loginId: MERCHANT.loginId,
        rule: 'inactive-days',
        lastActivityAt: LAST_LOGIN,
        disableFrom: '2025-06-30T01:00:00.000Z',
      }),
    ]);
  });

  it('disables at 90 days, 14 days after the warning, by the rule: sessions end, audited once, and a second run does nothing', async () => {
    // Prepare
    // The sign-in at LAST_LOGIN leaves its session in the store (expired by now, but ended all the same).
    const sessionId = await signedInSession({ loginId: MERCHANT.email, password: PASSWORDS.current }, world);
    world.clock.advance({ days: 76 });
    await run();
    world.clock.advance({ days: 13 });
    const waiting = await run();
    world.clock.advance({ days: 1 });

    // Act
    const counts = await run();
    const again = await run();

    // Assess
    expect(sessionId).toMatch(/\S{20,}/);
    expect(account().lastLoginAt).toBe(LAST_LOGIN);
    expect(waiting).toEqual({ warned: 0, disabled: 0, skipped: 1 });
    expect(counts).toEqual({ warned: 0, disabled: 1, skipped: 0 });
    expect(again).toEqual({ warned: 0, disabled: 0, skipped: 1 });
    expect(account().disabled).toEqual({ at: world.clock.iso(), by: 'system', reason: 'inactive 90 days (PCI DSS 8.2.6)' });
    expect(await world.sessions.deleteAllOf(MERCHANT.loginId)).toBe(0);
    expect(world.audit.named('account.disabled')).toEqual([
      expect.objectContaining({
        outcome: 'success',
        loginId: MERCHANT.loginId,
        rule: 'inactive-days',
        operator: 'system',
        reason: 'inactive 90 days (PCI DSS 8.2.6)',
        sessionsEnded: 1,
      }),
    ]);
    expect(world.mailer.sent.filter((mail) => mail.subject.includes('ご利用停止予定'))).toHaveLength(1);
  });

  it('never disables without a warning 14 days before, even long past 90 days', async () => {
    // Prepare
    world.clock.advance({ days: 300 });

    // Act
    const first = await run();
    world.clock.advance({ days: 13 });
    const before = await run();
    world.clock.advance({ days: 1 });
    const after = await run();

    // Assess
    expect([first, before, after]).toEqual([
      { warned: 1, disabled: 0, skipped: 0 },
      { warned: 0, disabled: 0, skipped: 1 },
      { warned: 0, disabled: 1, skipped: 0 },
    ]);
  });

  it('keeps an account whose merchant signs in after the warning; the next warning is for the next period', async () => {
    // Prepare
    world.clock.advance({ days: 80 });
    await run();
    await world.accounts.recordLogin(MERCHANT.loginId, world.clock.iso(), []);
    const signedIn = world.clock.iso();

    // Act
    world.clock.advance({ days: 20 });
    const afterSignIn = await run();
    world.clock.advance({ days: 56 });
    const nextPeriod = await run();

    // Assess
    expect(afterSignIn).toEqual({ warned: 0, disabled: 0, skipped: 1 });
    expect(nextPeriod).toEqual({ warned: 1, disabled: 0, skipped: 0 });
    expect(account().disabled).toBeUndefined();
    expect(signedIn).toBe('2025-06-20T01:00:00.000Z');
    expect(world.mailer.sent.at(-1)!.text).toContain('最終ご利用日 : 2025年6月20日');
  });

  it('counts from the registration for a merchant who never signed in after registering', async () => {
    // Prepare
    world.accounts.seed({ ...account(), lastLoginAt: undefined, registeredAt: LAST_LOGIN });
    world.clock.advance({ days: 76 });

    // Act
    const counts = await run();

    // Assess
    expect(counts.warned).toBe(1);
    expect(world.mailer.sent[0]!.text).toContain('最終ご利用日 : 2025年4月1日');
  });

  it('leaves invited accounts and accounts ops disabled alone, however old', async () => {
    // Prepare
    await seedInvitedAccount(world, { loginId: 'M20250409', createdAt: '2024-01-01T00:00:00.000Z' });
    world.accounts.seed({ ...account(), disabled: { at: LAST_LOGIN, reason: 'contract ended', by: 'ops-tanaka' } });
    world.clock.advance({ days: 400 });

    // Act
    const counts = await run();

    // Assess
    expect(counts).toEqual({ warned: 0, disabled: 0, skipped: 1 });
    expect(world.mailer.sent).toEqual([]);
    expect(account().disabled?.by).toBe('ops-tanaka');
    expect(world.accounts.peek('M20250409')).not.toHaveProperty('inactivityWarnedAt');
  });

  it('does not disable again an account ops enabled: enabling starts a new period', async () => {
    // Prepare
    world.clock.advance({ days: 76 });
    await run();
    world.clock.advance({ days: 14 });
    await run();
    world.clock.advance({ days: 1 });
    await setAccountDisabled(MERCHANT.loginId, { disabled: false, reason: 'merchant called', operator: 'ops-suzuki' }, world);

    // Act
    world.clock.advance({ days: 1 });
    const nextDay = await run();
    world.clock.advance({ days: 75 });
    const newPeriod = await run();

    // Assess
    expect(nextDay).toEqual({ warned: 0, disabled: 0, skipped: 1 });
    expect(newPeriod).toEqual({ warned: 1, disabled: 0, skipped: 0 });
    expect(account().disabled).toBeUndefined();
  });

  it('takes the warning back when SES refuses its email, so the next run sends it (and no disable comes 14 days later)', async () => {
    // Prepare
    world.clock.advance({ days: 76 });
    world.mailer.failNext();

    // Act
    const refused = await run();
    world.clock.advance({ days: 1 });
    const retried = await run();

    // Assess
    expect(refused).toEqual({ warned: 0, disabled: 0, skipped: 1 });
    expect(world.audit.named('notice.not-sent')).toEqual([expect.objectContaining({ loginId: MERCHANT.loginId })]);
    expect(retried).toEqual({ warned: 1, disabled: 0, skipped: 0 });
    expect(account().inactivityWarnedAt).toBe(world.clock.iso());
  });

  it('reads every page of the accounts', async () => {
    // Prepare
    for (let i = 0; i < 5; i += 1) {
      seedRegisteredAccount(world, { loginId: `M2025050${i}`, email: `m${i}@example.com`, account: { lastLoginAt: LAST_LOGIN } });
    }
    world.clock.advance({ days: 76 });

    // Act
    const counts = await run();

    // Assess
    expect(counts).toEqual({ warned: 6, disabled: 0, skipped: 0 });
    expect(new Set(world.mailer.sent.map((mail) => mail.to)).size).toBe(6);
  });
});
