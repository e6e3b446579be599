import { AccountExistsError } from '../../lambdas/domain/errors';
import { InputError, oneLoginId, parseCommand } from '../arguments';
import { provisionAccount } from '../create-account';
import { LETTER_OPTIONS, LETTER_OPTIONS_HELP, letterFromOptions, letterLine } from '../letter-options';
import { resolveTarget } from '../target';

export const CREATE_ACCOUNT_USAGE = 'create-account <loginId>   Provision an account and print its initial password (for the letter).';

const HELP = `Usage: npm run --silent ops -- create-account <loginId> [letter fields] [--stage <name>] [--json]

Provisions one account (invited, with a new initial password valid 90 days) and prints its
login ID as stored and its initial password. Login IDs ignore case and full width, and are
stored in half-width upper case: \`shop-0001\` creates SHOP-0001, and is refused when
SHOP-0001 exists. The password also waits sealed in the account for its one letter
(\`letters <loginId>\`). Many accounts at once: \`import <file.csv>\`.

Letter fields (kept in the account for its letter, all optional here; \`letters\` needs the
company, postal code and address, which \`update-address\` can add later):
${LETTER_OPTIONS_HELP}

Options:
  --stage <name>   A deployed stage instead of the local stack.
  --json           Print the result as one JSON object.
`;

export async function createAccountCommand(args: string[]): Promise<string> {
  const { values, positionals } = parseCommand(args, LETTER_OPTIONS);
  if (values.help) return HELP.trimEnd();
  const loginId = oneLoginId('create-account', positionals);
  const letter = letterFromOptions(values);

  const typed = positionals[0]!.trim();
  // The operator sees the stored ID whenever it is not what they typed (`shop-0001` is SHOP-0001).
  const sameAs = typed === loginId ? '' : ` ("${typed}" is ${loginId}: login IDs ignore case and full width)`;
  const account = await provisionAccount({ loginId, letter }, await resolveTarget(values.stage)).catch((error: unknown) => {
    if (error instanceof AccountExistsError && sameAs) throw new InputError(`${error.message}${sameAs}`);
    throw error;
  });
  if (values.json) return JSON.stringify(letter ? { ...account, letter } : account);
  return [
    `Created ${account.loginId}${sameAs}`,
    `  initial password: ${account.initialPassword}`,
    `  valid until:      ${account.initialPasswordExpiresAt}`,
    ...(letter ? [`  letter to:        ${letterLine(letter)}`] : []),
  ].join('\n');
}
