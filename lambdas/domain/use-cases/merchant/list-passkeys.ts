import type { PasskeyStore } from '../../ports';
import { signedInAccount, type SignedInDeps } from '../shared/signed-in-account';

/** One passkey as the パスキーの管理 page lists it: no key material. */
export interface ListedPasskey {
  id: string;
  name: string;
  addedAt: string;
  lastUsedAt: string | null;
  /** Backed up (synced to the merchant's other devices) rather than bound to one device. */
  synced: boolean;
}

/**
 * パスキーの管理: the merchant's passkeys, oldest first.
 * 1. The session must stand for an active account.
 * 2. Its passkeys are listed with name, when added and last used, and whether synced.
 */
export async function listPasskeys(
  sessionId: string | undefined,
  deps: SignedInDeps & { passkeys: PasskeyStore },
): Promise<ListedPasskey[]> {
  const { account } = await signedInAccount(sessionId, deps, { duringSetup: true });
  const passkeys = await deps.passkeys.passkeysOf(account.loginId);
  return passkeys
    .sort((a, b) => a.addedAt.localeCompare(b.addedAt))
    .map((p) => ({ id: p.credentialId, name: p.name, addedAt: p.addedAt, lastUsedAt: p.lastUsedAt ?? null, synced: p.backedUp }));
}
