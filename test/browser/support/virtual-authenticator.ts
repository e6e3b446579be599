/**
 * Chromium's virtual authenticator (over CDP) in place of the device's fingerprint or face
 * reader: it makes and uses passkeys with the merchant always present and verified.
 */
import type { Page } from '@playwright/test';

export async function addVirtualAuthenticator(page: Page): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('WebAuthn.enable');
  await cdp.send('WebAuthn.addVirtualAuthenticator', {
    options: {
      protocol: 'ctap2',
      transport: 'internal',
      hasResidentKey: true,
      hasUserVerification: true,
      isUserVerified: true,
      automaticPresenceSimulation: true,
    },
  });
}
