import { ProofRequiredError } from '../../../lambdas/domain/errors';
import { FRESH_PROOF_MINUTES, requireFreshProof } from '../../../lambdas/domain/fresh-proof';
import { session } from '../../support/records';

const PROVED_AT = '2025-04-01T09:00:00.000Z';
const after = (ms: number) => new Date(Date.parse(PROVED_AT) + ms);

describe('a fresh proof before a sensitive change', () => {
  const proved = { ...session('s1', 'M20250401'), provedAt: PROVED_AT };

  it(`holds from the proof to ${FRESH_PROOF_MINUTES} minutes after it`, () => {
    expect(() => requireFreshProof(proved, after(0))).not.toThrow();
    expect(() => requireFreshProof(proved, after(FRESH_PROOF_MINUTES * 60_000))).not.toThrow();
  });

  it('is required again a moment later', () => {
    expect(() => requireFreshProof(proved, after(FRESH_PROOF_MINUTES * 60_000 + 1))).toThrow(ProofRequiredError);
  });

  it('is required of a session that never recorded one, or one dated in the future', () => {
    const { provedAt: _none, ...never } = proved;
    expect(() => requireFreshProof(never, after(0))).toThrow(ProofRequiredError);
    expect(() => requireFreshProof(proved, after(-1))).toThrow(ProofRequiredError);
  });

  it('asks, in Japanese, for the password again', () => {
    expect(new ProofRequiredError()).toMatchObject({ code: 'PROOF_REQUIRED', message: expect.stringContaining('パスワード') });
  });
});
