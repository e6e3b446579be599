import type { Account } from './model';
import type { Random } from './ports';
import { hashSessionId } from './session-id';

/** How many browsers an account remembers; an older one counts as new again. */
export const KNOWN_DEVICES_KEPT = 10;

/** The device cookie lives a year: a browser used now and then stays known. */
export const DEVICE_COOKIE_DAYS = 365;

const WELL_FORMED = /^[A-Za-z0-9_-]{43}$/;

/** What a sign-in makes of the browser's device cookie. */
export interface DeviceJudgement {
  /** The cookie's value from now on: the browser's own when well-formed, else a new one. */
  deviceId: string;
  /** Whether this account has signed in from this browser before. */
  known: boolean;
  /** The account's list after this sign-in: this browser first, the oldest dropped. */
  knownDevices: string[];
}

/**
 * The browser of a sign-in, judged by its device cookie (32 random bytes, like the session id;
 * only its hash is kept on the account). A browser without the cookie, or whose cookie this
 * account has not seen (another merchant's browser, or one pushed out of the list), is new.
 */
export function judgeDevice(account: Pick<Account, 'knownDevices'>, deviceId: string | undefined, random: Random): DeviceJudgement {
  const kept = deviceId && WELL_FORMED.test(deviceId) ? deviceId : random.bytes(32).toString('base64url');
  const hash = hashSessionId(kept);
  const earlier = account.knownDevices ?? [];
  return {
    deviceId: kept,
    known: earlier.includes(hash),
    knownDevices: [hash, ...earlier.filter((known) => known !== hash)].slice(0, KNOWN_DEVICES_KEPT),
  };
}
