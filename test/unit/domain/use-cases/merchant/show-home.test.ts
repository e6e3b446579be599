import { SessionRequiredError } from '../../../../../lambdas/domain/errors';
import { hashSessionId } from '../../../../../lambdas/domain/session-id';
import { completeEmailChange } from '../../../../../lambdas/domain/use-cases/merchant/complete-email-change';
import { signedInSession } from '../../../fakes/signed-in-session';
import { requestEmailChange } from '../../../../../lambdas/domain/use-cases/merchant/request-email-change';
import { showHome } from '../../../../../lambdas/domain/use-cases/merchant/show-home';
import { fakeWorld, lastRegistrationMails, type FakeWorld } from '../../../fakes/world';

const LOGIN_ID = 'M20250401';
const EMAIL = 'hanako@example.com';
const PASSWORD = 'Vt4!rW9q]Zm2';

describe('showHome (signed-in home)', () => {
  let world: FakeWorld;

  beforeEach(() => {
    world = fakeWorld();
    world.accounts.seed({
      loginId: LOGIN_ID,
      status: 'registered',
      email: EMAIL,
      passwordHistory: [],
      createdAt: '2025-03-01T00:00:00.000Z',
    });
    world.identity.seed({ email: EMAIL, loginId: LOGIN_ID, password: PASSWORD });
  });

  it('shows who is signed in, with no earlier login at the first visit', async () => {
    // Prepare
    const sessionId = await signedInSession({ loginId: EMAIL, password: PASSWORD }, world);

    // Act
    const home = await showHome(sessionId, world);

    // Assess
    expect(home).toEqual({
      email: EMAIL,
      loginId: LOGIN_ID,
      lastLoginAt: '2025-04-01T09:00:00.000Z',
      previousLoginAt: null,
      setupRequired: false,
    });
  });

  it('shows this login and the one before it', async () => {
    // Prepare
    await signedInSession({ loginId: EMAIL, password: PASSWORD }, world);
    world.clock.advance({ days: 1 });
    const sessionId = await signedInSession({ loginId: EMAIL, password: PASSWORD }, world);

    // Act
    const home = await showHome(sessionId, world);

    // Assess
    expect(home).toMatchObject({ lastLoginAt: '2025-04-02T09:00:00.000Z', previousLoginAt: '2025-04-01T09:00:00.000Z' });
  });

  it('asks for a login without a session', async () => {
    await expect(showHome(undefined, world)).rejects.toBeInstanceOf(SessionRequiredError);
  });

  it('asks for a login when the account is no longer registered', async () => {
    // Prepare
    const sessionId = await signedInSession({ loginId: EMAIL, password: PASSWORD }, world);
    world.accounts.seed({ ...world.accounts.peek(LOGIN_ID)!, disabled: { at: '2025-04-01T09:00:00.000Z', reason: 'test', by: 'ops' } });

    // Act
    const attempt = showHome(sessionId, world);

    // Assess
    await expect(attempt).rejects.toBeInstanceOf(SessionRequiredError);
  });

  it('asks for a login after 30 idle minutes', async () => {
    // Prepare
    const sessionId = await signedInSession({ loginId: EMAIL, password: PASSWORD }, world);
    world.clock.advance({ minutes: 30 });

    // Act
    const attempt = showHome(sessionId, world);

    // Assess
    await expect(attempt).rejects.toMatchObject({ reason: 'expired' });
  });

  it('ends the session of a disabled account rather than showing it', async () => {
    // Prepare
    const sessionId = await signedInSession({ loginId: EMAIL, password: PASSWORD }, world);
    await world.accounts.setDisabled(LOGIN_ID, { at: '2025-04-01T09:00:00.000Z', reason: 'test', by: 'ops' });

    // Act
    const attempt = showHome(sessionId, world);

    // Assess
    await expect(attempt).rejects.toBeInstanceOf(SessionRequiredError);
    expect(world.sessions.peek(hashSessionId(sessionId))).toBeUndefined();
  });

  it("shows the account's email after an email change, not the one the session began with", async () => {
    // Prepare
    const sessionId = await signedInSession({ loginId: EMAIL, password: PASSWORD }, world);
    await requestEmailChange(sessionId, { newEmail: 'hanako.new@example.net' }, world);
    const { token, passcode } = lastRegistrationMails(world);
    await completeEmailChange({ token, passcode }, world);

    // Act
    const home = await showHome(sessionId, world);

    // Assess
    expect(home).toMatchObject({ email: 'hanako.new@example.net', loginId: LOGIN_ID, lastLoginAt: '2025-04-01T09:00:00.000Z' });
  });

  it('shows the previous login after logging in with the new email', async () => {
    // Prepare
    const first = await signedInSession({ loginId: EMAIL, password: PASSWORD }, world);
    await requestEmailChange(first, { newEmail: 'hanako.new@example.net' }, world);
    const { token, passcode } = lastRegistrationMails(world);
    await completeEmailChange({ token, passcode }, world);
    world.clock.advance({ hours: 2 });
    const second = await signedInSession({ loginId: 'hanako.new@example.net', password: PASSWORD }, world);

    // Act
    const home = await showHome(second, world);

    // Assess
    expect(home).toEqual({
      email: 'hanako.new@example.net',
      loginId: LOGIN_ID,
      lastLoginAt: '2025-04-01T11:00:00.000Z',
      previousLoginAt: '2025-04-01T09:00:00.000Z',
      setupRequired: false,
    });
  });
});
