import { parseArgs, type ParseArgsConfig } from 'node:util';
import { canonicalLoginId, isLoginId } from '../lambdas/domain/login-id';

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

/** Exactly one positional argument, a well-formed login ID, in its stored form (`shop-0001` is SHOP-0001). */
export function oneLoginId(command: string, positionals: string[]): string {
  const [typed, ...rest] = positionals;
  if (!typed || rest.length > 0) throw new UsageError(`${command} takes exactly one login ID.`);
  const loginId = canonicalLoginId(typed);
  if (!isLoginId(loginId)) {
    throw new UsageError(
      `"${typed}" is not a valid login ID: 4–32 half-width letters, digits, "-" or "_", starting with a letter or digit.`,
    );
  }
  return loginId;
}
