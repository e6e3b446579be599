import { setAccountDisabled } from '../../lambdas/domain/use-cases/set-account-disabled';
import { oneLoginId, parseCommand, UsageError } from '../arguments';
import { operator, opsDeps } from '../context';
import { resolveTarget, TargetError } from '../target';

export const DISABLE_USAGE = 'disable <loginId> --reason "…"   Stop an account: no login, no changes; its sessions end now.';
export const ENABLE_USAGE = 'enable <loginId> --reason "…"    Let a disabled account work again.';

function command(disabled: boolean) {
  const name = disabled ? 'disable' : 'enable';
  return async (args: string[]): Promise<string> => {
    const { values, positionals } = parseCommand(args, { reason: { type: 'string' } });
    const loginId = oneLoginId(name, positionals);
    const reason = values.reason?.trim();
    if (!reason) throw new UsageError(`${name} needs --reason "…" (it goes into the audit trail).`);
    const found = await setAccountDisabled(loginId, { disabled, reason, operator: operator() }, opsDeps(await resolveTarget(values.stage)));
    if (!found) throw new TargetError(`No account ${loginId}.`);
    return values.json ? JSON.stringify({ loginId, disabled }) : `${loginId} ${disabled ? 'disabled' : 'enabled'}.`;
  };
}

export const disableCommand = command(true);
export const enableCommand = command(false);
