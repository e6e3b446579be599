/** Which pending letters a `letters` run produces: named accounts, those issued since a date, or one import's. */
import { japanDay, japanMidnight } from '../../lambdas/domain/japan-time';
import type { Account } from '../../lambdas/domain/model';

export type LetterSelection = { loginIds: string[] } | { since: string } | { fromImport: string };

/**
 * `2026-11-27` (from midnight in Japan) or a full ISO time with its zone; the ISO instant, or
 * undefined when it is neither.
 */
export function parseSince(value: string): string | undefined {
  const day = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const text = day
    ? japanMidnight(value)
    : /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(value)
      ? value
      : undefined;
  if (!text) return undefined;
  const at = new Date(text);
  if (Number.isNaN(at.getTime())) return undefined;
  // 2026-02-31 would roll over to March: refuse it instead.
  if (day && japanDay(at) !== value) return undefined;
  return at.toISOString();
}

export type PendingAccount = Account & { pendingLetter: NonNullable<Account['pendingLetter']> };

export function describeSelection(selection: LetterSelection): string {
  if ('loginIds' in selection) return selection.loginIds.join(', ');
  if ('since' in selection) return `issued since ${selection.since}`;
  return `from import ${selection.fromImport}`;
}

/** The selected accounts among those with a pending letter (ordered by login ID), and named IDs without one. */
export function selectPending(
  pending: readonly Account[],
  selection: LetterSelection,
): { selected: PendingAccount[]; notPending: string[] } {
  const withLetter = pending.filter((a): a is PendingAccount => !!a.pendingLetter);
  let selected: PendingAccount[];
  let notPending: string[] = [];
  if ('loginIds' in selection) {
    const byId = new Map(withLetter.map((a) => [a.loginId, a]));
    selected = selection.loginIds.flatMap((id) => byId.get(id) ?? []);
    notPending = selection.loginIds.filter((id) => !byId.has(id));
  } else if ('since' in selection) {
    selected = withLetter.filter((a) => a.pendingLetter.issuedAt >= selection.since);
  } else {
    selected = withLetter.filter((a) => a.pendingLetter.importRun === selection.fromImport);
  }
  const unique = [...new Map(selected.map((a) => [a.loginId, a])).values()];
  return {
    selected: unique.sort((a, b) => (a.loginId < b.loginId ? -1 : a.loginId > b.loginId ? 1 : 0)),
    notPending: [...new Set(notPending)],
  };
}
