import { hashToken } from '../../../../../lambdas/domain/completion-token';
import { LinkInvalidError, PasscodeWrongError, PasswordPolicyError } from '../../../../../lambdas/domain/errors';
import type { RequestKind } from '../../../../../lambdas/domain/model';
import type { OpenRequest } from '../../../../../lambdas/domain/use-cases/shared/open-request';
import { redeemRequest, type Redemption } from '../../../../../lambdas/domain/use-cases/shared/redeem-request';
import { startRequest } from '../../../../../lambdas/domain/use-cases/shared/start-request';
import {
  failureOf,
  fakeWorld,
  lastRegistrationMails,
  MERCHANT,
  seedAccountFor,
  seedRegisteredAccount,
  type FakeWorld,
} from '../../../fakes/world';
import { otherThan } from '../../../../support/redeeming';

const KINDS: RequestKind[] = ['registration', 'passwordReset', 'emailChange'];
const TO = 'taro.new@example.net';
/** Where each kind's mails go: a reset to the account's own address, the others to a new one. */
const ADDRESS: Record<RequestKind, string> = { registration: TO, passwordReset: MERCHANT.email, emailChange: TO };
const PREFIX = { registration: 'registration', passwordReset: 'password-reset', emailChange: 'email-change' };

/** The steps a use case gives, as mocks that record what they were given. */
function steps() {
  return {
    check: jest.fn(async (_opened: OpenRequest) => undefined),
    apply: jest.fn(async (_opened: OpenRequest) => undefined),
  };
}

describe.each(KINDS)('redeemRequest (%s)', (kind) => {
  const to = ADDRESS[kind];

  let world: FakeWorld;
  let token: string;
  let passcode: string;
  let tokenHash: string;

  const redeem = (input: Partial<Redemption>, given: Parameters<typeof redeemRequest>[3] = steps()) =>
    redeemRequest(kind, { token, passcode, ...input }, world, given);

  beforeEach(async () => {
    world = fakeWorld();
    seedAccountFor(kind, world);
    await startRequest(kind, MERCHANT.loginId, to, world);
    ({ token, passcode } = lastRegistrationMails(world));
    tokenHash = hashToken(token);
  });

  it('runs check, then apply, with the opened request, and uses the request up', async () => {
    // Prepare
    const given = steps();

    // Act
    const opened = await redeem({}, given);

    // Assess
    expect(opened.request).toMatchObject({ tokenHash, kind, loginId: MERCHANT.loginId, email: to });
    expect(given.check).toHaveBeenCalledWith(opened);
    expect(given.apply).toHaveBeenCalledWith(opened);
    expect(given.check.mock.invocationCallOrder[0]).toBeLessThan(given.apply.mock.invocationCallOrder[0]);
    expect(world.requests.peek(tokenHash)?.status).toBe('used');
  });

  it('has the request claimed while apply runs', async () => {
    // Prepare
    let statusDuringApply: string | undefined;
    const given = { apply: jest.fn(async () => void (statusDuringApply = world.requests.peek(tokenHash)?.status)) };

    // Act
    await redeem({}, given);

    // Assess
    expect(statusDuringApply).toBe('completing');
  });

  it('counts a wrong passcode, says how many attempts remain, and changes nothing', async () => {
    // Prepare
    const given = steps();

    // Act
    const error = await failureOf(redeem({ passcode: otherThan(passcode) }, given));

    // Assess
    expect(error).toBeInstanceOf(PasscodeWrongError);
    expect((error as PasscodeWrongError).remainingAttempts).toBe(4);
    expect(world.requests.peek(tokenHash)).toMatchObject({ wrongPasscodes: 1, status: 'pending' });
    expect(given.check).not.toHaveBeenCalled();
    expect(given.apply).not.toHaveBeenCalled();
    expect(world.audit.last()).toEqual({
      event: `${PREFIX[kind]}.passcode-failed`,
      outcome: 'failure',
      loginId: MERCHANT.loginId,
      email: to,
      wrongPasscodes: 1,
    });
  });

  it('voids the request at the 5th wrong passcode; the right one is refused afterwards', async () => {
    // Prepare
    for (let i = 0; i < 4; i += 1) await failureOf(redeem({ passcode: otherThan(passcode) }));

    // Act
    const fifth = await failureOf(redeem({ passcode: otherThan(passcode) }));
    const right = await failureOf(redeem({}));

    // Assess
    expect(fifth).toMatchObject({ constructor: LinkInvalidError, reason: 'voided' });
    expect(right).toMatchObject({ constructor: LinkInvalidError, reason: 'voided' });
    expect(world.requests.peek(tokenHash)).toMatchObject({ wrongPasscodes: 5, status: 'voided' });
    expect(world.audit.named(`${PREFIX[kind]}.voided`)).toEqual([
      { event: `${PREFIX[kind]}.voided`, outcome: 'failure', loginId: MERCHANT.loginId, email: to, reason: 'too many wrong passcodes' },
    ]);
  });

  it('tells each of 12 parallel wrong passcodes the truth: attempts left, or voided — never "used"', async () => {
    // Act
    const failures = await Promise.all(Array.from({ length: 12 }, () => failureOf(redeem({ passcode: otherThan(passcode) }))));

    // Assess
    const remaining = failures.filter((f) => f instanceof PasscodeWrongError).map((f) => (f as PasscodeWrongError).remainingAttempts);
    const refusals = failures.filter((f) => f instanceof LinkInvalidError).map((f) => (f as LinkInvalidError).reason);
    expect(remaining.sort()).toEqual([1, 2, 3, 4]);
    expect(refusals).toEqual(Array(8).fill('voided'));
    expect(world.requests.peek(tokenHash)).toMatchObject({ wrongPasscodes: 5, status: 'voided' });
  });

  it('judges a new password before the passcode, so a typo costs no attempt', async () => {
    // Prepare
    const given = steps();

    // Act
    const error = await failureOf(
      redeem({ passcode: otherThan(passcode), newPassword: { password: 'short', confirmation: 'short' } }, given),
    );

    // Assess
    expect(error).toBeInstanceOf(PasswordPolicyError);
    expect(world.requests.peek(tokenHash)).toMatchObject({ wrongPasscodes: 0, status: 'pending' });
    expect(given.apply).not.toHaveBeenCalled();
    expect(world.audit.last()).toMatchObject({
      event: `${PREFIX[kind]}.password-refused`,
      outcome: 'failure',
      reason: 'length,upper,digit,symbol',
    });
  });

  it('lets check refuse without claiming the request or counting an attempt', async () => {
    // Prepare
    const refusal = new Error('not now');
    const given = { check: jest.fn(async () => Promise.reject(refusal)), apply: jest.fn(async () => undefined) };

    // Act
    const error = await failureOf(redeem({}, given));

    // Assess
    expect(error).toBe(refusal);
    expect(given.apply).not.toHaveBeenCalled();
    expect(world.requests.peek(tokenHash)).toMatchObject({ wrongPasscodes: 0, status: 'pending' });
  });

  it('releases the claim when apply fails, so submitting again works', async () => {
    // Prepare
    const fault = new Error('directory unavailable');
    const failing = { apply: jest.fn(async () => Promise.reject(fault)) };

    // Act
    const error = await failureOf(redeem({}, failing));
    const statusAfterFailure = world.requests.peek(tokenHash)?.status;
    await redeem({});

    // Assess
    expect(error).toBe(fault);
    expect(statusAfterFailure).toBe('pending');
    expect(world.requests.peek(tokenHash)?.status).toBe('used');
  });

  it('says "used" to a second submission while the first is being applied', async () => {
    // Prepare
    let second: unknown;
    const first = {
      apply: jest.fn(async () => {
        second = await failureOf(redeem({}));
      }),
    };

    // Act
    await redeem({}, first);

    // Assess
    expect(second).toMatchObject({ constructor: LinkInvalidError, reason: 'used' });
    expect(world.requests.peek(tokenHash)?.status).toBe('used');
  });

  it('does not count a wrong passcode against a request another submission holds', async () => {
    // Prepare
    await world.requests.claim(tokenHash, world.clock.iso(), '2000-01-01T00:00:00.000Z');

    // Act
    const error = await failureOf(redeem({ passcode: otherThan(passcode) }));

    // Assess
    expect(error).toMatchObject({ constructor: LinkInvalidError, reason: 'used' });
    expect(world.requests.peek(tokenHash)?.wrongPasscodes).toBe(0);
  });

  it('takes over a claim left by a submission that died more than a minute ago', async () => {
    // Prepare
    await world.requests.claim(tokenHash, world.clock.iso(), '2000-01-01T00:00:00.000Z');
    world.clock.advance({ seconds: 61 });

    // Act
    await redeem({});

    // Assess
    expect(world.requests.peek(tokenHash)?.status).toBe('used');
  });

  it('refuses a used request as "used" without running the steps again', async () => {
    // Prepare
    await redeem({});
    const again = steps();

    // Act
    const error = await failureOf(redeem({}, again));

    // Assess
    expect(error).toMatchObject({ constructor: LinkInvalidError, reason: 'used' });
    expect(again.check).not.toHaveBeenCalled();
    expect(again.apply).not.toHaveBeenCalled();
  });
});

describe('redeemRequest (password context)', () => {
  it("judges a new password against the account's current email, not only the address mailed", async () => {
    // Prepare
    const world = fakeWorld();
    seedRegisteredAccount(world);
    await startRequest('emailChange', MERCHANT.loginId, TO, world);
    const { token, passcode } = lastRegistrationMails(world);

    // Act
    const error = await failureOf(
      redeemRequest(
        'emailChange',
        { token, passcode, newPassword: { password: 'Hanako#2025xyz', confirmation: 'Hanako#2025xyz' } },
        world,
        { apply: async () => undefined },
      ),
    );

    // Assess
    expect((error as PasswordPolicyError).violations.map((v) => v.rule)).toEqual(['notPersonal']);
  });
});
