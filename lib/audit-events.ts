/**
 * The audit events (README "Audit events") that the monitoring picks out by name: the metric
 * filters and the saved queries read these lists, so both follow one spelling.
 */

/** The second sign-in step after a right password: the app's code or a recovery code, or a passkey. */
export const SECOND_STEP_EVENTS = ['mfa.second-factor', 'passkey.second-step'] as const;

/**
 * Everything that happens to a merchant's second factors: set up, added, renamed, removed, used
 * (the second step, a passkey sign-in or proof, a recovery code), new recovery codes, and the
 * ops reset after a lost device.
 */
export const SECOND_FACTOR_EVENTS = [
  'mfa.authenticator.setup',
  'mfa.authenticator.added',
  'mfa.authenticator.removed',
  'passkey.registered',
  'passkey.renamed',
  'passkey.deleted',
  ...SECOND_STEP_EVENTS,
  'passkey.sign-in',
  'passkey.proof',
  'mfa.recovery-code.used',
  'mfa.recovery-codes.regenerated',
  'mfa.reset',
] as const;
