/**
 * The authenticator app's codes (RFC 6238 TOTP, as every app does them: SHA-1, 6 digits, 30 s),
 * by otplib; nothing of the protocol is written here. The secret comes from the Random port and
 * is kept sealed with the TOTP key, bound to the login ID.
 */
import { generateURI, ScureBase32Plugin, verify } from 'otplib';
import { openPassword, sealPassword } from './letter-seal';
import type { Random } from './ports';

/** 160 bits, the size RFC 4226 recommends and apps expect. */
const SECRET_BYTES = 20;
const PERIOD_SECONDS = 30;
/** One period either way: a phone clock a little off, or a code typed as it turns. */
const TOLERANCE_SECONDS = PERIOD_SECONDS;

const base32 = new ScureBase32Plugin();

export const newAuthenticatorSecret = (random: Random): string => base32.encode(random.bytes(SECRET_BYTES));

/** The otpauth:// URI the QR code carries: the app shows `issuer` and `label`. */
export const authenticatorUri = (issuer: string, label: string, secret: string): string => generateURI({ issuer, label, secret });

/** The key for typing into the app by hand: groups of four. */
export const groupedKey = (secret: string): string => secret.match(/.{1,4}/g)?.join(' ') ?? secret;

/**
 * The time step a code belongs to, when it is right at `now` (±1 step) and later than
 * `afterStep` (the last one taken: a code is never taken twice, nor an earlier one after it).
 */
export async function stepOfCode(secret: string, code: string, now: Date, afterStep?: number): Promise<number | undefined> {
  if (!/^\d{6}$/.test(code)) return undefined;
  const result = await verify({
    secret,
    token: code,
    epoch: Math.floor(now.getTime() / 1000),
    epochTolerance: TOLERANCE_SECONDS,
    ...(afterStep === undefined ? {} : { afterTimeStep: afterStep }),
  });
  return result.valid && 'timeStep' in result ? result.timeStep : undefined;
}

/** The same AES-256-GCM seal as the letters' passwords, under the TOTP key and bound to the login ID. */
export const sealSecret = (totpKey: string, loginId: string, secret: string, random: Random) =>
  sealPassword(totpKey, `${loginId}#authenticator`, secret, random);

export const openSecret = (totpKey: string, loginId: string, sealed: string) => openPassword(totpKey, `${loginId}#authenticator`, sealed);
