import type { AccountRef } from '../lambdas/domain/use-cases/ops/account-status';
import { canonicalEmail } from '../lambdas/domain/email-address';
import { japanConsoleTime } from '../lambdas/domain/japan-time';
import type { AccountStore } from '../lambdas/domain/ports';
import { UsageError, oneLoginId } from './arguments';
import { TargetError } from './target';

/** Loose on purpose: the look-up decides; this only catches what cannot be an address at all. */
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * Exactly one positional argument: an email when it contains "@" (a full-width "＠" too), else a
 * well-formed login ID; either in its stored form.
 */
export function oneAccountRef(command: string, positionals: string[]): AccountRef {
  const [value, ...rest] = positionals;
  if (!value || rest.length > 0) throw new UsageError(`${command} takes exactly one login ID or email.`);
  const email = canonicalEmail(value);
  if (!email.includes('@')) return { loginId: oneLoginId(command, positionals) };
  if (!EMAIL.test(email)) throw new UsageError(`"${value}" is not an email address.`);
  return { email };
}

/** The login ID of the account an argument names; a clear error when no account has that email. */
export async function loginIdOf(ref: AccountRef, accounts: AccountStore): Promise<string> {
  if ('loginId' in ref) return ref.loginId;
  const account = await accounts.findByEmail(ref.email);
  if (!account)
    throw new TargetError(
      `No account logs in with ${ref.email}. (An address still awaiting its registration is not the account's yet: use the login ID.)`,
    );
  return account.loginId;
}

/** A required, non-empty --reason: it goes into the audit trail. */
export function requiredReason(command: string, reason: string | undefined): string {
  const trimmed = reason?.trim();
  if (!trimmed) throw new UsageError(`${command} needs --reason "…" (it goes into the audit trail).`);
  return trimmed;
}

/** ISO time as ops read it on their console: Japan time, with the ISO value for copying. */
export const jst = (iso: string | undefined): string => (iso ? japanConsoleTime(iso) : '—');
