/**
 * A problem in what the operator gave to `cdk synth` (context, build output): the CLI entry
 * point prints its message alone, without a stack trace, and exits non-zero.
 */
export class SynthInputError extends Error {}
