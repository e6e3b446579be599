import { join, relative, resolve } from 'node:path';
import { canonicalLoginId, isLoginId } from '../../lambdas/domain/login-id';
import { withExtras } from '../../lambdas/composition/root';
import { parseCommand, UsageError } from '../arguments';
import { opsDeps } from '../context';
import { supportContactOf } from '../letters/contact';
import { renderPdf } from '../letters/pdf';
import { produceLetters, type LetterFormat, type ProduceResult } from '../letters/produce';
import { describeSelection, parseSince, type LetterSelection } from '../letters/select';
import { LOCAL_DIR } from '../local-target';
import { resolveTarget, TargetError } from '../target';

export const LETTERS_USAGE =
  'letters <loginId…> | --since DATE | --from-import RUN   Print the pending letters (each exactly once): PDF and HTML.';

const DEFAULT_LETTERS_DIR = join(LOCAL_DIR, 'letters');
const FORMATS: readonly LetterFormat[] = ['pdf', 'html', 'both'];

const HELP = `Usage: npm run --silent ops -- letters <loginId…> | --since DATE | --from-import RUN [options]

Produces the letters (アカウント登録のご案内) of accounts whose initial password has not been
printed yet: one A4 page per letter with the address block, the initial login ID and password
(spelled out character by character), its validity, the site's URL, the steps of the guide and
the support contact. Each issued password goes into exactly one letter: it is taken from the
account before it is written, and a second run for the same accounts produces nothing. A letter
that is lost or spoiled needs \`reissue <loginId>\` (a new password, a new letter).

Every letter needs an address (company, postal code, address): when any account of the run has
none, the whole run is refused, nothing is taken or written, and each such account is listed
with the command that adds it (\`update-address <loginId> …\`); then run the same letters again.

Which letters (one of):
  <loginId…>           These accounts.
  --since DATE         Passwords issued since DATE (2026-11-27: from midnight in Japan, or an ISO time).
  --from-import RUN    The accounts of one import run (its id, e.g. import-20261127-103000).

Options:
  --out DIR            Where to write (default .local/letters/, git-ignored). The files hold the
                       passwords: print them, then delete them.
  --format FORMAT      pdf, html or both (default both). The PDF is printed by headless Chromium
                       (CHROMIUM_PATH, default /usr/bin/chromium); without it, the HTML is kept.
  --stage <name>       A deployed stage instead of the local stack.
  --json               Print the result as one JSON object.
`;

function selectionOf(positionals: string[], since: string | undefined, fromImport: string | undefined): LetterSelection {
  const given = [positionals.length > 0, since !== undefined, fromImport !== undefined].filter(Boolean).length;
  if (given !== 1) throw new UsageError('letters takes login IDs, --since DATE or --from-import RUN (exactly one of them).');
  if (since !== undefined) {
    const at = parseSince(since);
    if (!at)
      throw new UsageError(`--since "${since}" is not a date (2026-11-27) or an ISO time with its zone (2026-11-27T10:30:00+09:00).`);
    return { since: at };
  }
  if (fromImport !== undefined) {
    if (!fromImport.trim()) throw new UsageError('--from-import needs the run id that import printed (import-YYYYMMDD-HHMMSS).');
    return { fromImport: fromImport.trim() };
  }
  const bad = positionals.filter((id) => !isLoginId(canonicalLoginId(id)));
  if (bad.length > 0) throw new UsageError(`not a valid login ID: ${bad.map((id) => `"${id}"`).join(', ')}.`);
  return { loginIds: positionals.map(canonicalLoginId) };
}

export async function lettersCommand(args: string[]): Promise<string> {
  const { values, positionals } = parseCommand(args, {
    since: { type: 'string' },
    'from-import': { type: 'string' },
    out: { type: 'string' },
    format: { type: 'string', default: 'both' },
  });
  if (values.help) return HELP.trimEnd();
  const selection = selectionOf(positionals, values.since, values['from-import']);
  const format = values.format as LetterFormat;
  if (!FORMATS.includes(format)) throw new UsageError(`--format must be pdf, html or both, not "${values.format}".`);
  const outDir = resolve(values.out ?? DEFAULT_LETTERS_DIR);

  const target = await resolveTarget(values.stage);
  if (!target.siteUrl) {
    throw new TargetError(`No site URL for ${target.name}: its web stack has no SiteUrl output (deploy it first); no letter was taken.`);
  }
  const result = await produceLetters(
    { selection, outDir, format, siteUrl: target.siteUrl, contact: await supportContactOf(target) },
    withExtras(await opsDeps(target), { renderPdf }),
  );
  if (result.notPending.length > 0 || (result.pdfProblem && format === 'pdf')) process.exitCode = 1;
  return values.json ? JSON.stringify(result) : summaryOf(result, selection);
}

const shown = (path: string) => {
  const rel = relative(process.cwd(), path);
  return rel.startsWith('..') ? path : rel;
};

function summaryOf(result: ProduceResult, selection: LetterSelection): string {
  const lines: string[] = [];
  const count = result.produced.length;
  if (count === 0) {
    lines.push(`No letters produced (${describeSelection(selection)}): nothing left to print.`);
  } else {
    lines.push(
      `${count} letter${count > 1 ? 's' : ''} produced: ${result.produced.length > 10 ? `${result.produced.slice(0, 10).join(', ')}, … ${count - 10} more` : result.produced.join(', ')}`,
    );
    if (result.pdf) lines.push(`  PDF:  ${shown(result.pdf)}`);
    if (result.html) lines.push(`  HTML: ${shown(result.html)}`);
    if (result.pdfProblem) {
      lines.push(
        `  No PDF: ${result.pdfProblem}. The HTML is kept: print it from Chrome or Edge (A4, no margins, background graphics on).`,
      );
    }
    lines.push('These files hold the initial passwords, and cannot be made again: print them, then delete them.');
  }
  for (const id of result.notPending)
    lines.push(`  ${id}: no pending letter (already produced, or no such account); a new one needs \`reissue ${id}\`.`);
  for (const { loginId, reason } of result.heldBack) lines.push(`  ${loginId}: left pending, ${reason}.`);
  for (const id of result.takenElsewhere) lines.push(`  ${id}: taken by another letters run at the same time.`);
  return lines.join('\n');
}
