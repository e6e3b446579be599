/**
 * `npm run ops -- <command>`: what the ops team does to accounts, on the local stack (default)
 * or a deployed stage (`--stage`).
 */
import { parseArgs } from 'node:util';
import { AccountExistsError } from '../lambdas/domain/errors';
import { isLoginId } from '../lambdas/domain/login-id';
import { provisionAccount } from './create-account';
import { resolveTarget, TargetError } from './target';

const USAGE = `Usage: npm run --silent ops -- <command> [options]

Commands:
  create-account <loginId>   Provision an account and print its initial password (for the letter).

Options:
  --stage <name>   Work on a deployed stage instead of the local stack of \`npm start\`.
  --json           Print the result as one JSON object.
  --help           Show this help.
`;

class UsageError extends Error {}

async function createAccountCommand(args: string[]) {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { stage: { type: 'string' }, json: { type: 'boolean', default: false }, help: { type: 'boolean', default: false } },
  });
  if (values.help) return void process.stdout.write(USAGE);
  const [loginId, ...extra] = positionals;
  if (!loginId || extra.length > 0) throw new UsageError('create-account takes exactly one login ID.');
  if (!isLoginId(loginId)) {
    throw new UsageError(`"${loginId}" is not a valid login ID: 4–32 half-width letters, digits, "-" or "_", starting with a letter or digit.`);
  }
  const account = await provisionAccount(loginId, await resolveTarget(values.stage));
  process.stdout.write(
    values.json
      ? `${JSON.stringify(account)}\n`
      : `Created ${account.loginId}\n  initial password: ${account.initialPassword}\n  valid until:      ${account.initialPasswordExpiresAt}\n`,
  );
}

const COMMANDS: Record<string, (args: string[]) => Promise<void>> = { 'create-account': createAccountCommand };

async function main(argv: string[]) {
  const [command, ...args] = argv;
  if (!command || command === '--help' || command === 'help') return void process.stdout.write(USAGE);
  const run = COMMANDS[command];
  if (!run) throw new UsageError(`Unknown command "${command}".`);
  await run(args);
}

main(process.argv.slice(2)).catch((error) => {
  const known = error instanceof UsageError || error instanceof TargetError || error instanceof AccountExistsError;
  process.stderr.write(`ops: ${known ? error.message : `failed: ${(error as Error).message}`}\n`);
  if (error instanceof UsageError) process.stderr.write(`\n${USAGE}`);
  process.exit(known && !(error instanceof UsageError) ? 1 : 2);
});
