/**
 * The rules of passkeys that every passkey use case shares: how long a challenge lives, where a
 * session's challenge is kept, which site the passkeys belong to, and what a passkey is called.
 */
import { ValidationError } from './errors';
import { japanDay } from './japan-time';
import type { PendingStep, StepPurpose } from './model';
import type { Random } from './ports';
import { hashSessionId } from './session-id';

/** A challenge is answered within seconds; five minutes allow for a slow phone. */
export const PASSKEY_STEP_MINUTES = 5;
export const PASSKEY_NAME_MAX = 50;

/** A WebAuthn challenge, or a user handle: 32 random bytes, base64url. */
export const newChallenge = (random: Random): string => random.bytes(32).toString('base64url');

/**
 * A signed-in session's own challenge needs no second cookie: it is kept under a hash of the
 * session's hash and the purpose, which only that session's cookie leads to.
 */
export const sessionStepIdHash = (sessionIdHash: string, purpose: StepPurpose): string => hashSessionId(`${sessionIdHash}#${purpose}`);

/** The passkeys belong to the site's host name (the RP ID), e.g. support.example.jp. */
export const rpIdOf = (siteUrl: string): string => new URL(siteUrl).hostname;

/** A new challenge step of `purpose`, living PASSKEY_STEP_MINUTES from `now`. */
export function challengeStep(stepIdHash: string, purpose: StepPurpose, random: Random, now: Date, loginId?: string): PendingStep {
  return {
    stepIdHash,
    purpose,
    loginId,
    challenge: newChallenge(random),
    createdAt: now.toISOString(),
    expiresAt: new Date(now.getTime() + PASSKEY_STEP_MINUTES * 60_000).toISOString(),
  };
}

/** Why a taken step cannot be answered, or undefined when it can: for the audit. */
export function stepProblem(step: PendingStep | undefined, purpose: StepPurpose, now: Date): string | undefined {
  if (!step) return 'no challenge (unknown, used or never asked)';
  if (step.purpose !== purpose) return `challenge for ${step.purpose}`;
  if (now.toISOString() >= step.expiresAt) return 'challenge expired';
  if (!step.challenge) return 'no challenge';
  return undefined;
}

/** The name the merchant gave (1–50 characters once trimmed), or a dated default. */
export function passkeyName(given: string | undefined, now: Date): string {
  if (given === undefined) return `パスキー (${japanDay(now).replaceAll('-', '/')} 登録)`;
  const name = given.trim();
  if (name.length < 1 || [...name].length > PASSKEY_NAME_MAX) {
    throw new ValidationError({ name: `パスキーの名前は1〜${PASSKEY_NAME_MAX}文字で入力してください。` });
  }
  return name;
}
