/**
 * The stage's policy for the second sign-in step. off: the password alone signs in, whatever the
 * merchant set up. optional: merchants who set up a factor are asked for it. required: as optional,
 * and a merchant without one must set one up before anything else.
 */
export type MfaPolicy = 'off' | 'optional' | 'required';

export const MFA_POLICIES: readonly MfaPolicy[] = ['off', 'optional', 'required'];
