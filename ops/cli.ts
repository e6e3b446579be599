/**
 * `npm run ops -- <command>`: what the ops team does to accounts, on the local stack (default)
 * or a deployed stage (`--stage`).
 */
import { AccountExistsError } from '../lambdas/domain/errors';
import { UsageError } from './arguments';
import { CREATE_ACCOUNT_USAGE, createAccountCommand } from './commands/create-account';
import { DISABLE_USAGE, disableCommand, ENABLE_USAGE, enableCommand } from './commands/set-disabled';
import { TargetError } from './target';

const USAGE = `Usage: npm run --silent ops -- <command> [options]

Commands:
  ${CREATE_ACCOUNT_USAGE}
  ${DISABLE_USAGE}
  ${ENABLE_USAGE}

Options:
  --stage <name>   Work on a deployed stage instead of the local stack of \`npm start\`.
  --json           Print the result as one JSON object.
  --help           Show this help.
`;

const COMMANDS: Record<string, (args: string[]) => Promise<string>> = {
  'create-account': createAccountCommand,
  disable: disableCommand,
  enable: enableCommand,
};

async function main(argv: string[]): Promise<void> {
  const [command, ...args] = argv;
  if (!command || command === '--help' || command === 'help' || args.includes('--help')) {
    process.stdout.write(USAGE);
    return;
  }
  const run = COMMANDS[command];
  if (!run) throw new UsageError(`Unknown command "${command}".`);
  process.stdout.write(`${await run(args)}\n`);
}

main(process.argv.slice(2)).catch((error) => {
  if (error instanceof UsageError) {
    process.stderr.write(`ops: ${error.message}\n\n${USAGE}`);
    process.exit(2);
  }
  const known = error instanceof TargetError || error instanceof AccountExistsError;
  process.stderr.write(`ops: ${known ? error.message : `failed: ${(error as Error).message}`}\n`);
  process.exit(1);
});
