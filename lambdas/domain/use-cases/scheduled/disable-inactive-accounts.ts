import { inactivityWarningEmail } from '../../emails/inactivity';
import type { MailWording } from '../../emails/common';
import { INACTIVITY_DISABLER, INACTIVITY_RULE, inactivityReason, judgeInactivity, type InactivityFacts } from '../../inactivity';
import type { Account } from '../../model';
import type { AccountStore, AuditLog, Clock, Mailer, SessionStore } from '../../ports';

export interface DisableInactiveAccountsDeps {
  accounts: AccountStore;
  sessions: SessionStore;
  mailer: Mailer;
  audit: AuditLog;
  clock: Clock;
  wording: MailWording;
  siteUrl: string;
}

/** What one run did: every registered account it read is one of the three. */
export interface InactivityRun {
  warned: number;
  disabled: number;
  /** Active, waiting out its warning, disabled already, changed meanwhile, or its warning not sent. */
  skipped: number;
}

type Outcome = keyof InactivityRun;

async function warn(account: Account & { email: string }, facts: InactivityFacts, deps: DisableInactiveAccountsDeps): Promise<Outcome> {
  const at = deps.clock.now().toISOString();
  const read = { lastLoginAt: account.lastLoginAt, enabledAt: account.enabledAt, inactivityWarnedAt: account.inactivityWarnedAt };
  if (!(await deps.accounts.recordInactivityWarning(account.loginId, at, read))) return 'skipped';
  const email = inactivityWarningEmail(account.email, { ...facts, siteUrl: deps.siteUrl }, deps.wording);
  try {
    await deps.mailer.send(email);
  } catch {
    // No disable without a warning that left: the next run tries again.
    await deps.accounts.withdrawInactivityWarning(account.loginId, at);
    deps.audit.record({
      event: 'notice.not-sent',
      outcome: 'failure',
      loginId: account.loginId,
      email: account.email,
      reason: email.subject,
    });
    return 'skipped';
  }
  deps.audit.record({
    event: 'account.inactivity-warned',
    outcome: 'success',
    loginId: account.loginId,
    email: account.email,
    rule: INACTIVITY_RULE,
    lastActivityAt: facts.lastActivityAt,
    disableFrom: facts.disableFrom,
  });
  return 'warned';
}

async function disable(account: Account, facts: InactivityFacts & { warnedAt: string }, days: number, deps: DisableInactiveAccountsDeps) {
  const reason = inactivityReason(days);
  const disabled = { at: deps.clock.now().toISOString(), reason, by: INACTIVITY_DISABLER };
  if (!(await deps.accounts.disableInactive(account.loginId, disabled, facts.warnedAt))) return 'skipped';
  const ended = await deps.sessions.deleteAllOf(account.loginId);
  deps.audit.record({
    event: 'account.disabled',
    outcome: 'success',
    loginId: account.loginId,
    reason,
    rule: INACTIVITY_RULE,
    operator: INACTIVITY_DISABLER,
    lastActivityAt: facts.lastActivityAt,
    warnedAt: facts.warnedAt,
    sessionsEnded: ended,
  });
  return 'disabled';
}

/**
 * The inactivity rule (PCI DSS 8.2.6), run once a day: registered accounts unused for `days` are
 * disabled, 14 days after a warning email.
 * 1. The registered accounts are read a page at a time; each is judged by the rule
 *    (lambdas/domain/inactivity.ts) at the run's clock.
 * 2. One due for a warning gets it recorded first, in a conditional write that holds only while
 *    its activity is still what was read (so a sign-in meanwhile, or a parallel run, wins), then
 *    the email. An email SES refuses takes the record back, audited `notice.not-sent`; the next
 *    run tries again.
 * 3. One warned at least 14 days ago and idle for `days` is disabled by `system` with the rule as
 *    its reason, in a conditional write that holds only while that warning is still there (a
 *    sign-in removes it); its sessions end; audited `account.disabled` with `rule`.
 * 4. Everything else is skipped. Running again finds nothing new to do: no second email, no
 *    second disable.
 */
export async function disableInactiveAccounts(days: number, deps: DisableInactiveAccountsDeps): Promise<InactivityRun> {
  const run: InactivityRun = { warned: 0, disabled: 0, skipped: 0 };
  for await (const page of deps.accounts.registeredAccounts()) {
    for (const account of page) {
      const verdict = judgeInactivity(account, deps.clock.now(), days);
      let outcome: Outcome = 'skipped';
      if (verdict.action === 'warn' && account.email) outcome = await warn({ ...account, email: account.email }, verdict, deps);
      if (verdict.action === 'disable' && verdict.warnedAt)
        outcome = await disable(account, { ...verdict, warnedAt: verdict.warnedAt }, days, deps);
      run[outcome] += 1;
    }
  }
  return run;
}
