import { updateLetterAddress } from '../../lambdas/domain/use-cases/ops/update-letter-address';
import { oneLoginId, parseCommand } from '../arguments';
import { operator, opsDeps } from '../context';
import { MAILING_FIELDS } from '../letter-address';
import { LETTER_OPTIONS, LETTER_OPTIONS_HELP, letterFromOptions, letterLine } from '../letter-options';
import { resolveTarget } from '../target';

export const UPDATE_ADDRESS_USAGE =
  'update-address <loginId> --company … --postal-code … --postal-address … [--contact …]   Set the address its letters go to.';

const HELP = `Usage: npm run --silent ops -- update-address <loginId> --company "…" --postal-code NNN-NNNN --postal-address "…" [--contact "…"] [--stage <name>] [--json]

Sets the address block the account's letters go to (\`letters\` refuses an account without
one), in place of the one it keeps: give the whole block, a contact left out is removed. The
same fields and limits as \`create-account\` and \`import\`; the company, postal code and address
are required. Any account state; its pending letter, if any, is left as it is.

Letter fields:
${LETTER_OPTIONS_HELP}

Options:
  --stage <name>   A deployed stage instead of the local stack.
  --json           Print { loginId, letter } as one JSON object.
`;

export async function updateAddressCommand(args: string[]): Promise<string> {
  const { values, positionals } = parseCommand(args, LETTER_OPTIONS);
  if (values.help) return HELP.trimEnd();
  const loginId = oneLoginId('update-address', positionals);
  const letter = letterFromOptions(values, MAILING_FIELDS)!;
  const target = await resolveTarget(values.stage);
  await updateLetterAddress(loginId, letter, { operator: operator() }, await opsDeps(target));
  if (values.json) return JSON.stringify({ loginId, letter });
  return [`Updated ${loginId}`, `  letter to: ${letterLine(letter)}`].join('\n');
}
