/**
 * Produces the selected pending letters, each exactly once: its sealed initial password is opened
 * with the letter key, then taken from the account (a conditional write that succeeds once per
 * issued password), and only the letters taken go into the output. A second run for the same
 * accounts finds nothing to produce; a lost or spoiled print needs `reissue` (a new password).
 * A run with a letter that has no address to go to takes and writes nothing.
 */
import { closeSync, existsSync, mkdirSync, openSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { basename, join } from 'node:path';
import { japanStamp } from '../../lambdas/domain/japan-time';
import { openPassword } from '../../lambdas/domain/letter-seal';
import type { AccountStore, AuditLog, Clock } from '../../lambdas/domain/ports';
import { InputError } from '../arguments';
import { missingForMailing } from '../letter-address';
import { OPTION_OF, updateAddressCommandFor } from '../letter-options';
import { mapWithConcurrency } from '../pool';
import type { SupportContact } from './contact';
import { renderLettersHtml, type LetterContent } from './render';
import { selectPending, type LetterSelection, type PendingAccount } from './select';

export type LetterFormat = 'pdf' | 'html' | 'both';

export interface ProduceDeps {
  accounts: Pick<AccountStore, 'pendingLetters' | 'takeLetter'>;
  audit: AuditLog;
  clock: Clock;
  letterKey: string;
  /** Prints the HTML to PDF; fails with a message when it cannot. */
  renderPdf: (html: string) => Promise<Uint8Array>;
}

export interface ProduceOptions {
  selection: LetterSelection;
  outDir: string;
  format: LetterFormat;
  siteUrl: string;
  contact: SupportContact;
}

interface HeldBack {
  loginId: string;
  reason: string;
}

export interface ProduceResult {
  /** Login IDs whose letter is in the output, in its order. */
  produced: string[];
  html?: string;
  pdf?: string;
  /** Why there is no PDF although one was asked for (the HTML is kept instead). */
  pdfProblem?: string;
  /** Named login IDs without a pending letter: produced before, or no such account. */
  notPending: string[];
  /** Pending letters left pending: not worth printing, or not openable with this key. */
  heldBack: HeldBack[];
  /** Taken by another run between our look and our take. */
  takenElsewhere: string[];
}

const TAKE_CONCURRENCY = 8;

/**
 * Reserves new output files (never overwrites earlier letters) before anything is taken, so a
 * letter is never taken when there is nowhere to write it. Readable by the owner only.
 */
function reserveOutput(outDir: string, at: Date): { fd: number; base: string } {
  mkdirSync(outDir, { recursive: true, mode: 0o700 });
  for (let n = 1; ; n += 1) {
    const base = join(outDir, `letters-${japanStamp(at)}${n > 1 ? `-${n}` : ''}`);
    if (existsSync(`${base}.pdf`)) continue;
    try {
      return { fd: openSync(`${base}.html`, 'wx', 0o600), base };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || n > 100) throw error;
    }
  }
}

/** Why a pending letter is not worth printing now (left pending), or undefined when it is. */
function holdBackReason(account: PendingAccount, now: Date): string | undefined {
  if (account.status !== 'invited') return 'already registered';
  if (account.disabled) return 'account disabled';
  if (!account.initialPasswordExpiresAt || Date.parse(account.initialPasswordExpiresAt) <= now.getTime()) {
    return 'initial password expired (reissue it)';
  }
  return undefined;
}

/**
 * A letter without an address would be printed to nobody: when any letter of the run lacks one,
 * the whole run is refused before anything is taken or written, naming each account and the
 * command that adds it. Then the same run, as it was, prints them all.
 */
function refuseUnaddressed(ready: readonly { account: PendingAccount }[]): void {
  const lines = ready.flatMap(({ account }) => {
    const missing = missingForMailing(account.letter);
    if (missing.length === 0) return [];
    return [
      `  ${account.loginId}: missing ${missing.map((field) => OPTION_OF[field]).join(', ')}; add it with \`${updateAddressCommandFor(account.loginId)}\``,
    ];
  });
  if (lines.length === 0) return;
  throw new InputError(
    [
      `No letters produced: ${lines.length === 1 ? 'an account has no address to mail its letter to' : `${lines.length} accounts have no address to mail their letters to`} (nothing was taken or written):`,
      ...lines,
      'Then run letters again.',
    ].join('\n'),
  );
}

export async function produceLetters(options: ProduceOptions, deps: ProduceDeps): Promise<ProduceResult> {
  const now = deps.clock.now();
  const { selected, notPending } = selectPending(await deps.accounts.pendingLetters(), options.selection);
  const result: ProduceResult = { produced: [], notPending, heldBack: [], takenElsewhere: [] };

  const ready: { account: PendingAccount; password: string }[] = [];
  for (const account of selected) {
    const reason = holdBackReason(account, now);
    if (reason) {
      result.heldBack.push({ loginId: account.loginId, reason });
      continue;
    }
    try {
      ready.push({ account, password: openPassword(deps.letterKey, account.loginId, account.pendingLetter.sealedPassword) });
    } catch {
      result.heldBack.push({ loginId: account.loginId, reason: 'sealed password does not open with this letter key' });
    }
  }
  if (ready.length === 0) return result;
  refuseUnaddressed(ready);

  const output = reserveOutput(options.outDir, now);
  let letters: (LetterContent & { issuedAt: string; importRun?: string })[];
  let html = '';
  try {
    const taken = await mapWithConcurrency(ready, TAKE_CONCURRENCY, async ({ account, password }) => {
      try {
        return (await deps.accounts.takeLetter(account.loginId, account.pendingLetter.issuedAt)) ? { account, password } : 'elsewhere';
      } catch (error) {
        // Whether the take happened is unknown: `status` shows if the letter is still pending.
        result.heldBack.push({
          loginId: account.loginId,
          reason: `not taken (${(error as Error).message}); if \`status\` shows no letter to print, reissue it`,
        });
        return undefined;
      }
    });
    result.takenElsewhere = ready.filter((_, i) => taken[i] === 'elsewhere').map(({ account }) => account.loginId);
    letters = taken.flatMap((t) =>
      t && t !== 'elsewhere'
        ? [
            {
              loginId: t.account.loginId,
              initialPassword: t.password,
              expiresAt: t.account.initialPasswordExpiresAt!,
              address: t.account.letter,
              issuedAt: t.account.pendingLetter.issuedAt,
              importRun: t.account.pendingLetter.importRun,
            },
          ]
        : [],
    );
    if (letters.length > 0) {
      html = renderLettersHtml(letters, { siteUrl: options.siteUrl, contact: options.contact, producedAt: now });
      try {
        writeSync(output.fd, html);
      } catch (error) {
        // Taken but not written: these passwords are gone, only a reissue makes new letters.
        const ids = letters.map((letter) => letter.loginId).join(', ');
        throw new Error(
          `could not write ${output.base}.html (${(error as Error).message}); the letters of ${ids} were taken and need \`reissue\``,
        );
      }
    }
  } finally {
    closeSync(output.fd);
  }
  const htmlPath = `${output.base}.html`;
  if (letters.length === 0) {
    rmSync(htmlPath, { force: true });
    return result;
  }
  result.produced = letters.map((letter) => letter.loginId);
  result.html = htmlPath;

  if (options.format !== 'html') {
    const pdfPath = `${output.base}.pdf`;
    try {
      writeFileSync(pdfPath, await deps.renderPdf(html), { flag: 'wx', mode: 0o600 });
      result.pdf = pdfPath;
      if (options.format === 'pdf') {
        rmSync(htmlPath, { force: true });
        result.html = undefined;
      }
    } catch (error) {
      result.pdfProblem = (error as Error).message;
    }
  }

  const file = basename(result.pdf ?? result.html!);
  for (const letter of letters) {
    deps.audit.record({
      event: 'letter.produced',
      outcome: 'success',
      loginId: letter.loginId,
      issuedAt: letter.issuedAt,
      importRun: letter.importRun,
      file,
    });
  }
  return result;
}
