import { setAccountDisabled } from '../../lambdas/domain/use-cases/ops/set-account-disabled';
import { loginIdOf, oneAccountRef, requiredReason } from '../account-ref';
import { parseCommand } from '../arguments';
import { operator, opsDeps } from '../context';
import { resolveTarget } from '../target';

export const DISABLE_USAGE = 'disable <loginId|email> --reason "…"   Stop an account: no login, no changes; its sessions end now.';
export const ENABLE_USAGE = 'enable <loginId|email> --reason "…"    Let a disabled account work again.';

const help = (name: 'disable' | 'enable') => `Usage: npm run --silent ops -- ${name} <loginId|email> --reason "…" [--stage <name>] [--json]

${
  name === 'disable'
    ? `Disables an account, whatever its state: it can no longer log in, register, reset its password
or change its email (the merchant gets the answers anyone gets), and every session of it ends now.
For suspected misuse, or a contract that ended. \`status\` shows when, by whom and why.
An account already disabled is refused, with when, by whom and why it was: that stays as it is.`
    : `Lets a disabled account work again, in the state it was disabled in (invited or registered).
An account that is not disabled is refused.`
}
The account is named by its login ID, or by the email it logs in with.

Options:
  --reason "…"     Required: why (a ticket number helps); it goes into the audit trail with the operator
                   (OPS_OPERATOR, else the OS user).
  --stage <name>   A deployed stage instead of the local stack.
  --json           Print the result as one JSON object.
`;

function command(disabled: boolean) {
  const name = disabled ? 'disable' : 'enable';
  return async (args: string[]): Promise<string> => {
    const { values, positionals } = parseCommand(args, { reason: { type: 'string' } });
    if (values.help) return help(name).trimEnd();
    const ref = oneAccountRef(name, positionals);
    const reason = requiredReason(name, values.reason);
    const deps = await opsDeps(await resolveTarget(values.stage));
    const loginId = await loginIdOf(ref, deps.accounts);
    await setAccountDisabled(loginId, { disabled, reason, operator: operator() }, deps);
    return values.json ? JSON.stringify({ loginId, disabled }) : `${loginId} ${disabled ? 'disabled' : 'enabled'}.`;
  };
}

export const disableCommand = command(true);
export const enableCommand = command(false);
