import { resetRegistration } from '../../lambdas/domain/use-cases/ops/reset-registration';
import { jst, requiredReason } from '../account-ref';
import { oneLoginId, parseCommand } from '../arguments';
import { operator, opsDeps, opsRules } from '../context';
import { resolveTarget } from '../target';

export const RESET_REGISTRATION_USAGE =
  'reset-registration <loginId> --reason "…"   A registered merchant who lost their email: back to the letter stage (identity check first).';

const HELP = `Usage: npm run --silent ops -- reset-registration <loginId> --reason "…" [--stage <name>] [--json]

For a registered merchant who lost access to their email, ONLY after the identity check of the
support procedure (README, "Support procedures"): takes the account back to the letter stage.

  - a new initial password, valid ${opsRules().initialPasswordValidityDays} days, for a new letter (\`letters <loginId>\`) to the
    address the account keeps;
  - the email is removed from the account and its sign-in user deleted: the old email no longer
    logs in and is free for anyone;
  - every session of the account ends; a pending password reset or email change is voided;
  - the password history is kept (the merchant cannot go back to a recent password).

The merchant then registers again from the letter, with an email they can read.

Options:
  --reason "…"     Required: why, and how the identity was checked (e.g. "lost email; call-back to
                   contract number, ticket 4711"). Goes into the audit trail with the operator.
  --stage <name>   A deployed stage instead of the local stack.
  --json           Print { loginId, initialPassword, initialPasswordExpiresAt, previousEmail, sessionsEnded }.
`;

export async function resetRegistrationCommand(args: string[]): Promise<string> {
  const { values, positionals } = parseCommand(args, { reason: { type: 'string' } });
  if (values.help) return HELP.trimEnd();
  const loginId = oneLoginId('reset-registration', positionals);
  const reason = requiredReason('reset-registration', values.reason);
  const target = await resolveTarget(values.stage);
  const reset = await resetRegistration(loginId, { reason, operator: operator() }, await opsDeps(target));
  const { initialPassword, initialPasswordExpiresAt, previousEmail, sessionsEnded } = reset;
  if (values.json) return JSON.stringify({ loginId, initialPassword, initialPasswordExpiresAt, previousEmail, sessionsEnded });
  return [
    `Reset ${loginId} to the letter stage: ${previousEmail} is removed and no longer logs in; ${sessionsEnded} session(s) ended.`,
    `  initial password: ${initialPassword}`,
    `  valid until:      ${initialPasswordExpiresAt} (${jst(initialPasswordExpiresAt)})`,
    ...(reset.disabled
      ? [`  Note: the account is disabled: \`letters\` prints its letter, and the merchant can register, only after \`enable ${loginId}\`.`]
      : []),
    `  Letter: \`npm run --silent ops -- letters ${loginId}\` (once).`,
  ].join('\n');
}
