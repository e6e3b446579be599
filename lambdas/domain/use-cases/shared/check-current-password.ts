import { CurrentPasswordWrongError } from '../../errors';
import type { LockoutRule } from '../../limits';
import { lockoutGuard } from '../../lockout';
import type { AuditEvent, AuditLog, Clock, Identity, LimitStore } from '../../ports';

export interface CheckCurrentPasswordDeps {
  identity: Identity;
  limits: LimitStore;
  lockout: LockoutRule;
  audit: AuditLog;
  clock: Clock;
}

/**
 * The password a signed-in merchant shows again (to change it, to change the email, to prove the
 * session), guarded by the login lock so a borrowed session cannot be used to guess it.
 * 1. While the email's login lock holds, it is refused as wrong (audited as `line`, not counted).
 * 2. A wrong one counts towards the login lock (audited as `line`) and is refused.
 * 3. A right one starts the count afresh.
 */
export async function checkCurrentPassword(
  account: { loginId: string; email: string },
  password: string,
  line: (reason: string) => AuditEvent,
  deps: CheckCurrentPasswordDeps,
  now = deps.clock.now(),
): Promise<void> {
  const lockout = lockoutGuard('login', account.email, deps, now);
  const locked = await lockout.lockedReason();
  if (locked) {
    deps.audit.record(line(locked));
    throw new CurrentPasswordWrongError();
  }
  if ((await deps.identity.verifyPassword(account.email, password)) !== account.loginId) {
    await lockout.failed(line('wrong current password'));
    throw new CurrentPasswordWrongError();
  }
  await lockout.passed();
}
