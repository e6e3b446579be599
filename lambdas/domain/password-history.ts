import { PasswordPolicyError } from './errors';
import type { Account } from './model';
import type { Random } from './ports';
import { hashPassword, matchesAny } from './password-hash';
import { HISTORY_SIZE, RULE_MESSAGES } from './password-policy';

/** The policy owns the size; it is also read from here, where the history is kept. */

function recentHashes(account: Account): string[] {
  const initial = account.initialPasswordHash ? [account.initialPasswordHash] : [];
  return [...account.passwordHistory, ...initial].slice(0, HISTORY_SIZE);
}

/** Refuses a password the account used recently; `onRefused` lets the caller audit it first. */
export async function refuseRecentPassword(password: string, account: Account, onRefused: () => void): Promise<void> {
  if (await matchesAny(password, recentHashes(account))) {
    onRefused();
    throw new PasswordPolicyError([{ rule: 'history', message: RULE_MESSAGES.history }]);
  }
}

/** The history after `password` becomes the account's password, newest first. */
export async function historyWith(password: string, account: Account, random: Random): Promise<string[]> {
  return [await hashPassword(password, random), ...recentHashes(account)].slice(0, HISTORY_SIZE);
}
