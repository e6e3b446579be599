import { AccountExistsError } from '../../lambdas/domain/errors';
import { InputError, oneLoginId, parseCommand, UsageError } from '../arguments';
import { provisionAccount } from '../create-account';
import { checkLetterFields, type LetterField } from '../letter-address';
import { resolveTarget } from '../target';

export const CREATE_ACCOUNT_USAGE = 'create-account <loginId>   Provision an account and print its initial password (for the letter).';

const HELP = `Usage: npm run --silent ops -- create-account <loginId> [letter fields] [--stage <name>] [--json]

Provisions one account (invited, with a new initial password valid 90 days) and prints its
login ID as stored and its initial password. Login IDs ignore case and full width, and are
stored in half-width upper case: \`shop-0001\` creates SHOP-0001, and is refused when
SHOP-0001 exists. The password also waits sealed in the account for its one letter
(\`letters <loginId>\`). Many accounts at once: \`import <file.csv>\`.

Letter fields (kept in the account for its letter, all optional):
  --company "…"          会社名 (at most 40 characters)
  --contact "…"          ご担当者名 (at most 30)
  --postal-code NNN-NNNN 郵便番号
  --postal-address "…"   住所 (at most 80; "\\n" or a line break for up to 3 lines)

Options:
  --stage <name>   A deployed stage instead of the local stack.
  --json           Print the result as one JSON object.
`;

const OPTION_OF: Record<LetterField, string> = {
  companyName: '--company',
  contactName: '--contact',
  postalCode: '--postal-code',
  postalAddress: '--postal-address',
};

export async function createAccountCommand(args: string[]): Promise<string> {
  const { values, positionals } = parseCommand(args, {
    company: { type: 'string' },
    contact: { type: 'string' },
    'postal-code': { type: 'string' },
    'postal-address': { type: 'string' },
  });
  if (values.help) return HELP.trimEnd();
  const loginId = oneLoginId('create-account', positionals);
  const given = {
    companyName: values.company,
    contactName: values.contact,
    postalCode: values['postal-code'],
    postalAddress: values['postal-address']?.replace(/\\n/g, '\n'),
  };
  const blank = (Object.keys(given) as LetterField[]).filter((field) => given[field] !== undefined && given[field]!.trim() === '');
  if (blank.length > 0) throw new UsageError(`${blank.map((field) => OPTION_OF[field]).join(', ')} cannot be empty.`);
  const { letter, problems } = checkLetterFields(given, { label: (field) => OPTION_OF[field] });
  if (problems.length > 0) throw new UsageError(`${problems.join('; ')}.`);

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
    ...(letter
      ? [
          `  letter to:        ${[letter.postalCode && `〒${letter.postalCode}`, letter.postalAddress?.replace(/\n/g, ' '), letter.companyName, letter.contactName].filter(Boolean).join(' ')}`,
        ]
      : []),
  ].join('\n');
}
