import { parseArgs, type ParseArgsConfig } from 'node:util';
import { isLoginId } from '../lambdas/domain/login-id';

/** Wrong use of the command: exit 2 with the usage. */
export class UsageError extends Error {}

/** Bad input other than the command line (a file's content): exit 1 with the message alone. */
export class InputError extends Error {}

const COMMON = {
  stage: { type: 'string' },
  json: { type: 'boolean', default: false },
  help: { type: 'boolean', default: false },
} as const satisfies ParseArgsConfig['options'];

/** Every command's options: --stage, --json, --help, plus its own. */
export function parseCommand<Extra extends NonNullable<ParseArgsConfig['options']>>(args: string[], extra: Extra = {} as Extra) {
  try {
    return parseArgs({ args, allowPositionals: true, strict: true, options: { ...COMMON, ...extra } });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

/** Exactly one positional argument, a well-formed login ID. */
export function oneLoginId(command: string, positionals: string[]): string {
  const [loginId, ...rest] = positionals;
  if (!loginId || rest.length > 0) throw new UsageError(`${command} takes exactly one login ID.`);
  if (!isLoginId(loginId)) {
    throw new UsageError(
      `"${loginId}" is not a valid login ID: 4–32 half-width letters, digits, "-" or "_", starting with a letter or digit.`,
    );
  }
  return loginId;
}
