import { judgeDevice } from '../../device-id';
import { approximateIp } from '../../approximate-ip';
import type { MailWording } from '../../emails/common';
import { newDeviceSignInEmail } from '../../emails/new-device';
import type { Account, Client, Session } from '../../model';
import type { AccountStore, AuditLog, Mailer, Random, SessionStore } from '../../ports';
import { hashSessionId, newSessionId } from '../../session-id';
import { browserAndOs, USER_AGENT_KEPT } from '../../user-agent';
import { sendNotice } from './send-notice';

export interface StartSessionDeps {
  accounts: AccountStore;
  sessions: SessionStore;
  audit: AuditLog;
  random: Random;
  mailer: Mailer;
  wording: MailWording;
  sessionAbsoluteMinutes: number;
}

/** How the merchant signed in, for the audit line. */
export type SignInMethod = 'password' | 'password+totp' | 'password+recovery-code' | 'password+passkey' | 'passkey';

/** What a sign-in hands the browser: the session cookie's id and the device cookie's. */
export interface StartedSession {
  sessionId: string;
  deviceId: string;
}

/**
 * The signed-in session, once every step the sign-in asks for has passed (whatever the method).
 * 1. A new session (new id at every sign-in, and a public key of its own for ログイン中の端末),
 *    proved now, is stored by its hash with the browser's user agent and IP; the id is returned
 *    for the cookie.
 * 2. The browser is judged by its device cookie (judgeDevice). The sign-in time is kept, and the
 *    one before it, with the account's known browsers, in one write.
 * 3. The sign-in is audited with its method.
 * 4. A browser the account has not used before is audited (`login.new-device`) and a notice is
 *    mailed, unless this is the account's first sign-in ever: that is the browser the merchant
 *    has just registered in.
 * With `setupRequired` (the required policy, no factor yet) the session reaches only the factor
 * set-up until one is set up (signedInAccount).
 */
export async function startSession(
  account: Account & { email: string },
  method: SignInMethod,
  client: Client,
  deps: StartSessionDeps,
  now: Date,
  options: { setupRequired?: boolean } = {},
): Promise<StartedSession> {
  const sessionId = newSessionId(deps.random);
  const at = now.toISOString();
  const session: Session = {
    sessionIdHash: hashSessionId(sessionId),
    sessionKey: deps.random.bytes(16).toString('base64url'),
    loginId: account.loginId,
    email: account.email,
    createdAt: at,
    lastSeenAt: at,
    provedAt: at,
    expiresAt: new Date(now.getTime() + deps.sessionAbsoluteMinutes * 60_000).toISOString(),
    userAgent: client.userAgent.slice(0, USER_AGENT_KEPT),
    sourceIp: client.ip,
    ...(options.setupRequired ? { setupRequired: true } : {}),
  };
  await deps.sessions.put(session);
  const device = judgeDevice(account, client.deviceId, deps.random);
  await deps.accounts.recordLogin(account.loginId, at, device.knownDevices);
  const { loginId, email } = account;
  deps.audit.record({
    event: 'login',
    outcome: 'success',
    loginId,
    email,
    method,
    ...(options.setupRequired ? { setupRequired: true } : {}),
  });
  if (!device.known && account.lastLoginAt) {
    const { browser, os } = browserAndOs(client.userAgent);
    deps.audit.record({ event: 'login.new-device', outcome: 'success', loginId, email, browser, os });
    await sendNotice(deps, newDeviceSignInEmail(email, { at, browser, os, ip: approximateIp(client.ip) }, deps.wording), loginId);
  }
  return { sessionId, deviceId: device.deviceId };
}
