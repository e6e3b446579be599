import type { AuditLog, Clock, CodeFactorStore, Random } from '../../ports';
import { hashRecoveryCode, newRecoveryCodes } from '../../recovery-codes';

export interface IssueRecoveryCodesDeps {
  codeFactors: CodeFactorStore;
  random: Random;
  clock: Clock;
  audit: AuditLog;
  totpKey: string;
}

/**
 * A new set of recovery codes, replacing (voiding) any earlier one.
 * 1. Ten codes are drawn through Random; only their keyed hashes are stored, in one write.
 * 2. The codes are returned to be shown once; they are never stored or logged in plain.
 */
export async function issueRecoveryCodes(loginId: string, deps: IssueRecoveryCodesDeps): Promise<string[]> {
  const codes = newRecoveryCodes(deps.random);
  await deps.codeFactors.putRecoveryCodes({
    loginId,
    kind: 'recovery-codes',
    addedAt: deps.clock.now().toISOString(),
    codeHashes: codes.map((code) => hashRecoveryCode(deps.totpKey, loginId, code)),
  });
  return codes;
}
