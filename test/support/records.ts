import type { Account, PendingRequest, Session } from '../../lambdas/domain/model';

/** Items as the stores hold them, shared by the store contracts and the adapter tests. */

export const DISABLED = { at: '2025-04-01T09:00:00.000Z', reason: 'contract ended', by: 'ops-tanaka' };

/** Provisioned from a letter, not yet registered. */
export const INVITED: Account = {
  loginId: 'M20250401',
  status: 'invited',
  initialPasswordHash: 'scrypt$16$1$1$salt$key',
  initialPasswordExpiresAt: '2025-06-30T09:00:00.000Z',
  passwordHistory: [],
  createdAt: '2025-04-01T09:00:00.000Z',
};

/** Registered under hanako@example.com, with two passwords in its history. */
export const REGISTERED: Account = {
  loginId: 'M20250402',
  status: 'registered',
  email: 'hanako@example.com',
  passwordHistory: ['h1', 'h2'],
  createdAt: '2025-04-01T09:00:00.000Z',
  registeredAt: '2025-04-02T00:00:00.000Z',
};

/** A registration request waiting for its passcode. */
export const PENDING_REQUEST: PendingRequest = {
  tokenHash: 'token-hash',
  kind: 'registration',
  loginId: 'M20250401',
  email: 'hanako@example.com',
  passcodeHash: 'passcode-hash',
  wrongPasscodes: 0,
  status: 'pending',
  createdAt: '2025-04-01T09:00:00.000Z',
  expiresAt: '2025-04-02T09:00:00.000Z',
};

/** A session signed in at 09:00 that ends at 21:00 at the latest. */
export function session(sessionIdHash: string, loginId: string, email = `${loginId.toLowerCase()}@example.com`): Session {
  return {
    sessionIdHash,
    sessionKey: `key-${sessionIdHash}`,
    loginId,
    email,
    createdAt: '2025-04-01T09:00:00.000Z',
    lastSeenAt: '2025-04-01T09:00:00.000Z',
    expiresAt: '2025-04-01T21:00:00.000Z',
  };
}
