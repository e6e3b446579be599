import { LastFactorError } from '../../errors';
import type { MfaPolicy } from '../../mfa-policy';
import type { CodeFactorStore, FactorStore } from '../../ports';

/** How a merchant can pass the second sign-in step. */
export type SecondFactorMethod = 'authenticator' | 'recovery-code' | 'passkey';

/**
 * Whether the merchant has a second factor: the recovery-code set is made with the first factor
 * and removed with the last, and is read by key (consistent), never by the index.
 */
export async function hasSecondFactor(loginId: string, deps: { codeFactors: CodeFactorStore }): Promise<boolean> {
  return (await deps.codeFactors.recoveryCodesOf(loginId)) !== undefined;
}

/** The methods the second step offers: the app when it is set up, recovery codes always, passkeys when there are any. */
export async function secondFactorMethods(
  loginId: string,
  deps: { codeFactors: CodeFactorStore; factors: FactorStore },
): Promise<SecondFactorMethod[]> {
  const authenticator = await deps.codeFactors.authenticatorOf(loginId);
  const passkeys = (await deps.factors.listOf(loginId)).some((f) => f.kind === 'passkey');
  return [
    ...(authenticator?.confirmedAt ? (['authenticator'] as const) : []),
    'recovery-code',
    ...(passkeys ? (['passkey'] as const) : []),
  ];
}

/** The factors that let a merchant in (the app when confirmed, passkeys); recovery codes only back them up. */
export async function signInFactorCount(loginId: string, deps: { factors: FactorStore }): Promise<number> {
  const records = await deps.factors.listOf(loginId);
  return records.filter((r) => r.kind === 'passkey' || (r.kind === 'authenticator' && 'confirmedAt' in r && r.confirmedAt)).length;
}

/**
 * The sign-in factors left once one of them is removed; where the policy requires two-step
 * sign-in the last one stays: `refuse` (which audits in the caller's terms) gets LastFactorError.
 */
export async function factorsLeftOnRemoval(
  loginId: string,
  deps: { factors: FactorStore; mfaPolicy: MfaPolicy },
  refuse: (reason: string, error: Error) => never,
): Promise<number> {
  const left = (await signInFactorCount(loginId, deps)) - 1;
  if (left === 0 && deps.mfaPolicy === 'required') refuse('last factor while required', new LastFactorError());
  return left;
}

export const asksSecondFactor = (policy: MfaPolicy) => policy !== 'off';
