/**
 * Proof before a sensitive change: the merchant must have shown the password (or a passkey)
 * within the last few minutes, so a session left open on a shared PC cannot add or remove a
 * second factor, nor take over the sign-in email.
 */
import { ProofRequiredError } from './errors';
import type { Session } from './model';

export const FRESH_PROOF_MINUTES = 5;

/** Throws ProofRequiredError unless the session was proved within FRESH_PROOF_MINUTES of `now`. */
export function requireFreshProof(session: Session, now: Date): void {
  const provedAt = session.provedAt ? Date.parse(session.provedAt) : Number.NaN;
  const age = now.getTime() - provedAt;
  if (!(age >= 0 && age <= FRESH_PROOF_MINUTES * 60_000)) throw new ProofRequiredError();
}
