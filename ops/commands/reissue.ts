import { reissueInitialPassword } from '../../lambdas/domain/use-cases/ops/reissue-initial-password';
import { jst } from '../account-ref';
import { oneLoginId, parseCommand } from '../arguments';
import { operator, opsDeps, opsRules } from '../context';
import { resolveTarget } from '../target';

export const REISSUE_USAGE = 'reissue <loginId>   A new initial password and letter for an invited account whose letter never arrived.';

const HELP = `Usage: npm run --silent ops -- reissue <loginId> [--stage <name>] [--json]

For a merchant whose letter never arrived (or was lost): a new initial password, valid
${opsRules().initialPasswordValidityDays} days, for an account not yet registered. The old initial password stops working at once,
a registration the merchant had started is voided (its link answers that a newer request replaced
it), and the first-login lock of the ID is cleared. The new password waits sealed for its one
letter: print it with \`letters <loginId>\`, to the address the account keeps (\`status\` shows it).

A registered account is refused: its letter was used. A merchant who lost access to their email
needs the identity check and \`reset-registration\`.

Options:
  --stage <name>   A deployed stage instead of the local stack.
  --json           Print { loginId, initialPassword, initialPasswordExpiresAt } as one JSON object.
`;

export async function reissueCommand(args: string[]): Promise<string> {
  const { values, positionals } = parseCommand(args);
  if (values.help) return HELP.trimEnd();
  const loginId = oneLoginId('reissue', positionals);
  const target = await resolveTarget(values.stage);
  const reissued = await reissueInitialPassword(loginId, { operator: operator() }, await opsDeps(target));
  const { initialPassword, initialPasswordExpiresAt } = reissued;
  if (values.json) return JSON.stringify({ loginId, initialPassword, initialPasswordExpiresAt });
  return [
    `Reissued ${loginId}: the previous initial password no longer works.`,
    `  initial password: ${initialPassword}`,
    `  valid until:      ${initialPasswordExpiresAt} (${jst(initialPasswordExpiresAt)})`,
    ...(reissued.registrationVoided ? ['  A registration in progress was voided: its link and passcode no longer work.'] : []),
    ...(reissued.previousLetterUnprinted ? ['  Note: the previous letter had never been printed; this one replaces it.'] : []),
    ...(reissued.disabled
      ? [`  Note: the account is disabled: \`letters\` prints its letter, and the merchant can use it, only after \`enable ${loginId}\`.`]
      : []),
    `  Letter: \`npm run --silent ops -- letters ${loginId}\` (once).`,
  ].join('\n');
}
