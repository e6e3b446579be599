import type { PasskeyResponse } from '../../../../../lambdas/domain/ports';
import { registerPasskey } from '../../../../../lambdas/domain/use-cases/merchant/register-passkey';
import { startPasskeyRegistration } from '../../../../../lambdas/domain/use-cases/merchant/start-passkey-registration';
import { NodeAuthenticator } from '../../../../support/node-authenticator';
import { signedInSession } from '../../../fakes/signed-in-session';
import { MERCHANT, PASSWORDS, SITE_URL, seedRegisteredAccount, type FakeWorld } from '../../../fakes/world';

/** The browser's answers are plain JSON objects, as the handlers pass them on. */
export const asResponse = (value: object) => value as unknown as PasskeyResponse;

/** A registered merchant, signed in with the password just now (so the session is freshly proved). */
export async function signedInMerchant(world: FakeWorld, who: { loginId?: string; email?: string } = {}): Promise<string> {
  seedRegisteredAccount(world, who);
  return signedInSession({ loginId: who.email ?? MERCHANT.email, password: PASSWORDS.current }, world);
}

/** A passkey registered through the use cases with a Node authenticator. */
export async function registeredPasskey(world: FakeWorld, sessionId: string, name?: string): Promise<NodeAuthenticator> {
  const authenticator = new NodeAuthenticator(SITE_URL);
  const options = await startPasskeyRegistration(sessionId, world);
  await registerPasskey(sessionId, { response: asResponse(authenticator.create(options as never)), name }, world);
  return authenticator;
}
