import type { PasskeyResponse } from '../../../../../lambdas/domain/ports';
import { logIn } from '../../../../../lambdas/domain/use-cases/merchant/log-in';
import { registerPasskey } from '../../../../../lambdas/domain/use-cases/merchant/register-passkey';
import { startPasskeyRegistration } from '../../../../../lambdas/domain/use-cases/merchant/start-passkey-registration';
import { NodeAuthenticator, type Overrides } from '../../../../support/node-authenticator';
import { signedInSession } from '../../../fakes/signed-in-session';
import { CLIENT, fakeWorld, MERCHANT, PASSWORDS, SITE_URL, seedRegisteredAccount, type FakeWorld } from '../../../fakes/world';

/** A second registered merchant, to show that nothing reaches across accounts. */
export const OTHER_MERCHANT = { loginId: 'M20250402', email: 'taro@example.com' };

/** The merchant's email and password, as typed on the login page. */
export const CREDENTIALS = { loginId: MERCHANT.email, password: PASSWORDS.current };

/** The browser's answers are plain JSON objects, as the handlers pass them on. */
export const asResponse = (value: object) => value as unknown as PasskeyResponse;

/** A registered merchant, signed in with the password just now (so the session is freshly proved). */
export async function signedInMerchant(world: FakeWorld, who: { loginId?: string; email?: string } = {}): Promise<string> {
  seedRegisteredAccount(world, who);
  return signedInSession({ loginId: who.email ?? MERCHANT.email, password: PASSWORDS.current }, world);
}

/** The merchant's right password, answered by the second step (the merchant has a factor). */
export async function passwordStep(world: FakeWorld): Promise<string> {
  const outcome = await logIn(CREDENTIALS, CLIENT, world);
  if (outcome.next !== 'second-factor') throw new Error(`expected the second step, got ${outcome.next}`);
  return outcome.stepId;
}

/** Registers `authenticator`'s passkey through the use cases, as the browser would: what registerPasskey answers. */
export async function registerWith(
  world: FakeWorld,
  sessionId: string,
  authenticator: NodeAuthenticator,
  { overrides, name }: { overrides?: Overrides; name?: string } = {},
) {
  const options = await startPasskeyRegistration(sessionId, world);
  return registerPasskey(sessionId, { response: asResponse(authenticator.create(options as never, overrides)), name }, world);
}

/** A passkey registered through the use cases with a Node authenticator. */
export async function registeredPasskey(world: FakeWorld, sessionId: string, name?: string): Promise<NodeAuthenticator> {
  const authenticator = new NodeAuthenticator(SITE_URL);
  await registerWith(world, sessionId, authenticator, { name });
  return authenticator;
}

/** A world where the merchant is signed in with a passkey of their own, and OTHER_MERCHANT has one too. */
export async function merchantsWithPasskeys(name?: string) {
  const world = fakeWorld();
  const theirs = await registeredPasskey(world, await signedInMerchant(world, OTHER_MERCHANT));
  const sessionId = await signedInMerchant(world);
  const mine = await registeredPasskey(world, sessionId, name);
  return { world, sessionId, mine, theirs };
}
