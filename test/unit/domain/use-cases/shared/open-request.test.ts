import { hashToken } from '../../../../../lambdas/domain/completion-token';
import { LinkInvalidError } from '../../../../../lambdas/domain/errors';
import type { LinkProblem } from '../../../../../lambdas/domain/link-wording';
import type { RequestKind } from '../../../../../lambdas/domain/model';
import { openRequest } from '../../../../../lambdas/domain/use-cases/shared/open-request';
import { startRequest } from '../../../../../lambdas/domain/use-cases/shared/start-request';
import { FakeAccountStore } from '../../../fakes/account-store';
import { fakeWorld, lastRegistrationMails, MERCHANT, seedAccountFor, seedRegisteredAccount, type FakeWorld } from '../../../fakes/world';

const KINDS: RequestKind[] = ['registration', 'passwordReset', 'emailChange'];
const TO = 'taro.new@example.net';
/** Where each kind's mails go: a reset to the account's own address, the others to a new one. */
const ADDRESS: Record<RequestKind, string> = { registration: TO, passwordReset: MERCHANT.email, emailChange: TO };
const PREFIX = { registration: 'registration', passwordReset: 'password-reset', emailChange: 'email-change' };

async function started(kind: RequestKind, world: FakeWorld): Promise<string> {
  if (!(await startRequest(kind, MERCHANT.loginId, ADDRESS[kind], world))) throw new Error('the request did not start');
  return lastRegistrationMails(world).token;
}

async function reasonFor(kind: RequestKind, token: string, world: FakeWorld): Promise<LinkProblem> {
  const error = await openRequest(kind, token, world).then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof LinkInvalidError)) throw new Error(`expected a LinkInvalidError, got ${String(error)}`);
  return error.reason;
}

describe.each(KINDS)('openRequest (%s)', (kind) => {
  const to = ADDRESS[kind];

  let world: FakeWorld;

  beforeEach(() => {
    world = fakeWorld();
    seedAccountFor(kind, world);
  });

  it('finds the pending request and its account', async () => {
    // Prepare
    const token = await started(kind, world);

    // Act
    const opened = await openRequest(kind, token, world);

    // Assess
    expect(opened.request).toMatchObject({ tokenHash: hashToken(token), kind, email: to, status: 'pending' });
    expect(opened.account.loginId).toBe(MERCHANT.loginId);
    expect(world.audit.named(`${PREFIX[kind]}.link-refused`)).toEqual([]);
  });

  it('says "unknown" for a token nobody was sent', async () => {
    expect(await reasonFor(kind, 'A'.repeat(43), world)).toBe('unknown');
  });

  it('says "unknown" for a link of another kind', async () => {
    // Prepare
    const token = await started(kind, world);

    // Act
    const reasons = await Promise.all(KINDS.filter((k) => k !== kind).map((other) => reasonFor(other, token, world)));

    // Assess
    expect(reasons).toEqual(['unknown', 'unknown']);
  });

  it('says "unknown" once ops disabled the account', async () => {
    // Prepare
    const token = await started(kind, world);
    await world.accounts.setDisabled(MERCHANT.loginId, { at: world.clock.iso(), reason: 'fraud suspected', by: 'ops' });

    // Act
    const reason = await reasonFor(kind, token, world);

    // Assess
    expect(reason).toBe('unknown');
  });

  it('says "expired" from the very moment of expiry, not a millisecond earlier', async () => {
    // Prepare
    const token = await started(kind, world);
    world.clock.advance({ hours: 24, ms: -1 });
    await expect(openRequest(kind, token, world)).resolves.toBeDefined();
    world.clock.advance({ ms: 1 });

    // Act
    const reason = await reasonFor(kind, token, world);

    // Assess
    expect(reason).toBe('expired');
  });

  it('says "replaced" when a newer request of the kind was made', async () => {
    // Prepare
    const first = await started(kind, world);
    await started(kind, world);

    // Act
    const reason = await reasonFor(kind, first, world);

    // Assess
    expect(reason).toBe('replaced');
  });

  it('says "voided" after too many wrong passcodes, before "replaced" or "expired"', async () => {
    // Prepare
    const token = await started(kind, world);
    for (let i = 0; i < 5; i += 1) await world.requests.recordWrongPasscode(hashToken(token), 5);
    await started(kind, world);
    world.clock.advance({ days: 2 });

    // Act
    const reason = await reasonFor(kind, token, world);

    // Assess
    expect(reason).toBe('voided');
  });

  it('says "used" for a completed request, even after expiry', async () => {
    // Prepare
    const token = await started(kind, world);
    await world.requests.claim(hashToken(token), 'claimed', '');
    await world.requests.markUsed(hashToken(token), 'claimed');
    world.clock.advance({ days: 2 });

    // Act
    const reason = await reasonFor(kind, token, world);

    // Assess
    expect(reason).toBe('used');
  });

  it('records each refusal for auditors with the login ID and reason, and no token', async () => {
    // Prepare
    const first = await started(kind, world);
    await started(kind, world);

    // Act
    await reasonFor(kind, first, world);
    await reasonFor(kind, 'B'.repeat(43), world);

    // Assess
    expect(world.audit.named(`${PREFIX[kind]}.link-refused`)).toEqual([
      { event: `${PREFIX[kind]}.link-refused`, outcome: 'failure', loginId: MERCHANT.loginId, reason: 'replaced' },
      { event: `${PREFIX[kind]}.link-refused`, outcome: 'failure', loginId: undefined, reason: 'unknown' },
    ]);
    expect(JSON.stringify(world.audit.events)).not.toContain(first);
  });
});

describe('openRequest (account moved on)', () => {
  let world: FakeWorld;

  beforeEach(() => {
    world = fakeWorld();
  });

  it('says "used" for a registration link once the account is registered', async () => {
    // Prepare
    seedAccountFor('registration', world);
    const token = await started('registration', world);
    world.accounts.seed({ ...world.accounts.peek(MERCHANT.loginId)!, status: 'registered', email: TO });

    // Act
    const reason = await reasonFor('registration', token, world);

    // Assess
    expect(reason).toBe('used');
  });

  it('says "unknown" when the account is gone', async () => {
    // Prepare
    seedRegisteredAccount(world);
    const token = await started('passwordReset', world);
    world.accounts = new FakeAccountStore();

    // Act
    const reason = await reasonFor('passwordReset', token, world);

    // Assess
    expect(reason).toBe('unknown');
  });

  it('says "replaced" for a reset mailed to an address the account has since left', async () => {
    // Prepare
    seedRegisteredAccount(world);
    const token = await started('passwordReset', world);
    world.accounts.seed({ ...world.accounts.peek(MERCHANT.loginId)!, email: 'hanako@example.net' });

    // Act
    const reason = await reasonFor('passwordReset', token, world);

    // Assess
    expect(reason).toBe('replaced');
  });

  it("still opens an email change whose address differs from the account's (that is its point)", async () => {
    // Prepare
    seedRegisteredAccount(world);
    const token = await started('emailChange', world);

    // Act
    const opened = await openRequest('emailChange', token, world);

    // Assess
    expect(opened.request.email).not.toBe(opened.account.email);
  });
});
