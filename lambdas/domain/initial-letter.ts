import { newInitialPassword } from './initial-password';
import { sealPassword } from './letter-seal';
import type { IssuedInitialPassword } from './model';
import { hashPassword } from './password-hash';
import type { Clock, Random } from './ports';

export interface IssueInitialPasswordDeps {
  clock: Clock;
  random: Random;
  initialPasswordValidityDays: number;
  /** Seals the initial password until its letter is produced (ops `letters`). */
  letterKey: string;
}

/**
 * A new initial password for a letter (create-account, reissue, reset-registration): the plain
 * password, returned once for the caller to show, and what the account stores of it.
 */
export async function issueInitialPassword(
  loginId: string,
  deps: IssueInitialPasswordDeps,
  importRun?: string,
): Promise<{ initialPassword: string; issuedAt: string; stored: IssuedInitialPassword }> {
  const issuedAt = deps.clock.now().toISOString();
  const initialPassword = newInitialPassword(deps.random);
  return {
    initialPassword,
    issuedAt,
    stored: {
      initialPasswordHash: await hashPassword(initialPassword, deps.random),
      initialPasswordExpiresAt: new Date(Date.parse(issuedAt) + deps.initialPasswordValidityDays * 86_400_000).toISOString(),
      pendingLetter: {
        sealedPassword: sealPassword(deps.letterKey, loginId, initialPassword, deps.random),
        issuedAt,
        ...(importRun !== undefined && { importRun }),
      },
    },
  };
}
