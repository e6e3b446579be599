import { generate } from 'otplib';

/** The seconds a code must stay inside the server's window (±1 step) to reach it under load. */
const MARGIN_SECONDS = 5;

/**
 * The code the merchant's authenticator app shows for `secret` (spaces allowed, as the page shows
 * the key), `steps` periods of 30 seconds from now. Close to the end of a period it first waits
 * for the next one, so a code of the previous period is still inside the server's window when
 * the request arrives.
 */
export async function appCode(secret: string, steps = 0): Promise<string> {
  const intoStep = (Date.now() / 1000) % 30;
  if (intoStep > 30 - MARGIN_SECONDS) await new Promise((r) => setTimeout(r, (30 - intoStep + 0.1) * 1000));
  return generate({ secret: secret.replace(/\s/g, ''), epoch: Math.floor(Date.now() / 1000) + steps * 30 });
}
