/**
 * `npm run ops -- <command>`: what the ops team does to accounts, on the local stack (default)
 * or a deployed stage (`--stage`).
 */
import { DomainError } from '../lambdas/domain/errors';
import { InputError, UsageError } from './arguments';
import { CREATE_ACCOUNT_USAGE, createAccountCommand } from './commands/create-account';
import { IMPORT_USAGE, importCommand } from './commands/import';
import { INACTIVE_USAGE, inactiveCommand } from './commands/inactive';
import { LETTERS_USAGE, lettersCommand } from './commands/letters';
import { REISSUE_USAGE, reissueCommand } from './commands/reissue';
import { RESET_MFA_USAGE, resetMfaCommand } from './commands/reset-mfa';
import { RESET_REGISTRATION_USAGE, resetRegistrationCommand } from './commands/reset-registration';
import { DISABLE_USAGE, disableCommand, ENABLE_USAGE, enableCommand } from './commands/set-disabled';
import { STATUS_USAGE, statusCommand } from './commands/status';
import { UPDATE_ADDRESS_USAGE, updateAddressCommand } from './commands/update-address';
import { AuditTrailUnavailableError } from './audit-trail';
import { endInvocation, startInvocation } from './context';
import { TargetError } from './target';

/** Each command's synopsis, with its description indented below (they are too long for two columns). */
function commandList(usages: string[]): string {
  return usages
    .map((usage) => {
      const [synopsis, description] = usage.split(/ {3,}/, 2);
      return description ? `  ${synopsis}\n      ${description}` : `  ${synopsis}`;
    })
    .join('\n');
}

const USAGE = `Usage: npm run --silent ops -- <command> [options]

Commands:
${commandList([
  CREATE_ACCOUNT_USAGE,
  DISABLE_USAGE,
  ENABLE_USAGE,
  IMPORT_USAGE,
  INACTIVE_USAGE,
  LETTERS_USAGE,
  STATUS_USAGE,
  UPDATE_ADDRESS_USAGE,
  REISSUE_USAGE,
  RESET_REGISTRATION_USAGE,
  RESET_MFA_USAGE,
])}

Options:
  --stage <name>   Work on a deployed stage instead of the local stack of \`npm start\`.
  --json           Print the result as one JSON object.
  --help           Show this help.
`;

const COMMANDS: Record<string, (args: string[]) => Promise<string>> = {
  'create-account': createAccountCommand,
  disable: disableCommand,
  enable: enableCommand,
  import: importCommand,
  inactive: inactiveCommand,
  letters: lettersCommand,
  status: statusCommand,
  'update-address': updateAddressCommand,
  reissue: reissueCommand,
  'reset-registration': resetRegistrationCommand,
  'reset-mfa': resetMfaCommand,
};

/** Commands that answer `--help` with their own help (the others show the list above). */
const OWN_HELP = new Set([
  'create-account',
  'import',
  'letters',
  'status',
  'update-address',
  'reissue',
  'reset-registration',
  'reset-mfa',
  'disable',
  'enable',
  'inactive',
]);

async function main(argv: string[]): Promise<void> {
  const [command, ...args] = argv;
  if (!command || command === '--help' || command === 'help' || (args.includes('--help') && !OWN_HELP.has(command))) {
    process.stdout.write(USAGE);
    return;
  }
  const run = COMMANDS[command];
  if (!run) throw new UsageError(`Unknown command "${command}".`);
  startInvocation({ command, args });
  const answer = await run(args);
  await endTrail('success');
  process.stdout.write(`${answer}\n`);
}

/** The trail's last lines; a failure to write them is said, and fails the command (what was done is on stderr). */
async function endTrail(outcome: 'success' | 'failure', reason?: string): Promise<void> {
  await endInvocation(outcome, reason).catch((error: Error) => {
    process.stderr.write(
      `ops: the audit lines of this command could not all be written to CloudWatch Logs (${error.message}); they are above on stderr: keep them.\n`,
    );
    process.exitCode = 1;
  });
}

main(process.argv.slice(2)).catch(async (error) => {
  if (error instanceof UsageError) {
    await endTrail('failure', error.message);
    process.stderr.write(`ops: ${error.message}\n\n${USAGE}`);
    process.exit(2);
  }
  // Domain errors (an account that exists, or whose state refuses the action) carry their own message.
  const known =
    error instanceof TargetError ||
    error instanceof DomainError ||
    error instanceof InputError ||
    error instanceof AuditTrailUnavailableError;
  const message = known ? error.message : `failed: ${(error as Error).message}`;
  await endTrail('failure', message);
  process.stderr.write(`ops: ${message}\n`);
  process.exit(1);
});
