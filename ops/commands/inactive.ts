import { japanConsoleTime } from '../../lambdas/domain/japan-time';
import { judgeInactivity, type InactivityVerdict } from '../../lambdas/domain/inactivity';
import type { Account } from '../../lambdas/domain/model';
import { disableInactiveAccounts } from '../../lambdas/domain/use-cases/scheduled/disable-inactive-accounts';
import { INACTIVE_ACCOUNTS_JOB } from '../../lambdas/schedules';
import { parseCommand, UsageError } from '../arguments';
import { jobDeps, opsDeps } from '../context';
import { resolveTarget } from '../target';

export const INACTIVE_USAGE =
  'inactive --days N [--run]   Registered accounts by last use, oldest first, and what the inactivity rule would do (dry run).';

const HELP = `Usage: npm run --silent ops -- inactive --days N [--run] [--stage <name>] [--json]

Lists every registered account by its last use (the last sign-in; else the registration; an ops
enable counts too), oldest first, with the days since, and what the inactivity rule (PCI DSS
8.2.6) would do today under N days: warn (idle N − 14 days, not warned yet), disable (idle N days
and warned 14 days ago), wait (warned, the 14 days still running) or nothing. Changes nothing.

Options:
  --days N         Required: the rule's days (a stage's inactiveDisableDays; prod 90).
  --run            Local stack only: run the daily job itself now (warning emails to the local
                   mailbox, disables by "system"), as the stage's schedule does at 03:00 JST.
  --stage <name>   A deployed stage instead of the local stack (dry run only).
  --json           Print the result as one JSON object.
`;

const WORDS: Record<InactivityVerdict['action'], string> = {
  none: '-',
  warn: 'would be WARNED',
  wait: 'warned, waiting',
  disable: 'would be DISABLED',
  untouched: 'disabled already',
};

function days(value: string | undefined): number {
  const parsed = Number(value);
  if (!value || !Number.isInteger(parsed) || parsed <= 14) throw new UsageError('inactive takes --days N, a whole number above 14.');
  return parsed;
}

interface Row {
  loginId: string;
  email?: string;
  verdict: InactivityVerdict;
}

function render(rows: Row[], n: number, now: Date): string {
  const line = ({ loginId, email, verdict }: Row) => {
    if (verdict.action === 'untouched') return `  ${loginId.padEnd(12)} ${(email ?? '').padEnd(28)} ${WORDS.untouched}`;
    const when = `${japanConsoleTime(verdict.lastActivityAt)} (${verdict.idleDays} days)`;
    const more = verdict.action === 'warn' || verdict.action === 'wait' ? `, disable from ${japanConsoleTime(verdict.disableFrom)}` : '';
    const warned = verdict.warnedAt ? `, warned ${japanConsoleTime(verdict.warnedAt)}` : '';
    return `  ${loginId.padEnd(12)} ${(email ?? '').padEnd(28)} last used ${when}  ${WORDS[verdict.action]}${warned}${more}`;
  };
  const count = (action: InactivityVerdict['action']) => rows.filter((r) => r.verdict.action === action).length;
  return [
    `Registered accounts by last use, oldest first, under ${n} days, at ${japanConsoleTime(now)} (dry run: nothing changed):`,
    ...rows.map(line),
    `${rows.length} registered: ${count('warn')} would be warned, ${count('disable')} disabled, ${count('wait')} waiting out a warning, ${count('none')} active, ${count('untouched')} disabled already.`,
  ].join('\n');
}

const lastUse = (row: Row) => (row.verdict.action === 'untouched' ? '~' : row.verdict.lastActivityAt);

export async function inactiveCommand(args: string[]): Promise<string> {
  const { values } = parseCommand(args, { days: { type: 'string' }, run: { type: 'boolean', default: false } });
  if (values.help) return HELP.trimEnd();
  const n = days(values.days);
  const target = await resolveTarget(values.stage);
  if (values.run) {
    const counts = await disableInactiveAccounts(n, await jobDeps(target, INACTIVE_ACCOUNTS_JOB.entry));
    return values.json
      ? JSON.stringify({ days: n, ...counts })
      : `Ran the inactivity rule under ${n} days: ${counts.warned} warned, ${counts.disabled} disabled, ${counts.skipped} skipped.`;
  }
  const deps = await opsDeps(target);
  const now = deps.clock.now();
  const rows: Row[] = [];
  for await (const page of deps.accounts.registeredAccounts()) {
    rows.push(
      ...page.map((account: Account) => ({ loginId: account.loginId, email: account.email, verdict: judgeInactivity(account, now, n) })),
    );
  }
  rows.sort((a, b) => lastUse(a).localeCompare(lastUse(b)) || a.loginId.localeCompare(b.loginId));
  return values.json ? JSON.stringify({ days: n, at: now.toISOString(), accounts: rows }) : render(rows, n, now);
}
