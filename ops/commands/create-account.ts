import { oneLoginId, parseCommand } from '../arguments';
import { provisionAccount } from '../create-account';
import { resolveTarget } from '../target';

export const CREATE_ACCOUNT_USAGE = 'create-account <loginId>   Provision an account and print its initial password (for the letter).';

export async function createAccountCommand(args: string[]): Promise<string> {
  const { values, positionals } = parseCommand(args);
  const loginId = oneLoginId('create-account', positionals);
  const account = await provisionAccount(loginId, await resolveTarget(values.stage));
  return values.json
    ? JSON.stringify(account)
    : `Created ${account.loginId}\n  initial password: ${account.initialPassword}\n  valid until:      ${account.initialPasswordExpiresAt}`;
}
