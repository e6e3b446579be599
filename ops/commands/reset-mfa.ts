import { resetSecondFactors } from '../../lambdas/domain/use-cases/ops/reset-second-factors';
import { loginIdOf, oneAccountRef, requiredReason } from '../account-ref';
import { parseCommand } from '../arguments';
import { operator, opsDeps } from '../context';
import { resolveTarget } from '../target';

export const RESET_MFA_USAGE =
  'reset-mfa <loginId|email> --reason "…"   A merchant who lost the device: removes every second factor (identity check first).';

const HELP = `Usage: npm run --silent ops -- reset-mfa <loginId|email> --reason "…" [--stage <name>] [--json]

For a merchant who lost the device of their second factor (authenticator app, passkey) and their
recovery codes, ONLY after the identity check of the support procedure (README, "Support
procedures"):

  - every passkey, the authenticator app (or a set-up in progress) and the recovery codes are
    removed;
  - every session of the account ends;
  - the password is kept: the merchant logs in with it and sets a second factor up again (where
    two-step sign-in is required, before reaching the home page).

An account with no second factor is refused and nothing changes. \`status\` shows the factors.

Options:
  --reason "…"     Required: why, and how the identity was checked (e.g. "lost phone; call-back to
                   contract number, ticket 4711"). Goes into the audit trail with the operator.
  --stage <name>   A deployed stage instead of the local stack.
  --json           Print { loginId, removed: { passkeys, authenticator, recoveryCodes }, sessionsEnded }.
`;

export async function resetMfaCommand(args: string[]): Promise<string> {
  const { values, positionals } = parseCommand(args, { reason: { type: 'string' } });
  if (values.help) return HELP.trimEnd();
  const ref = oneAccountRef('reset-mfa', positionals);
  const reason = requiredReason('reset-mfa', values.reason);
  const deps = await opsDeps(await resolveTarget(values.stage));
  const reset = await resetSecondFactors(await loginIdOf(ref, deps.accounts), { reason, operator: operator() }, deps);
  if (values.json) return JSON.stringify(reset);
  const { passkeys, authenticator, recoveryCodes } = reset.removed;
  const removed = [
    `${passkeys} passkey(s)`,
    authenticator ? 'the authenticator app' : 'no authenticator app',
    recoveryCodes ? 'the recovery codes' : 'no recovery codes',
  ];
  return [
    `Reset the second factors of ${reset.loginId}: removed ${removed.join(', ')}; ${reset.sessionsEnded} session(s) ended.`,
    '  The merchant logs in with the password and sets a second factor up again.',
  ].join('\n');
}
