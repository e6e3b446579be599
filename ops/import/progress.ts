/**
 * Progress of a long import on stderr: a bar redrawn in place on a terminal, one plain line per
 * account otherwise (a log file, CI). Never given a password.
 */
export type RowOutcome = 'created' | 'skipped' | 'failed';

export interface Progress {
  step(loginId: string, outcome: RowOutcome, detail?: string): void;
  /** Ends the bar's line and gives the stream back. */
  done(): void;
}

/** What the reporter needs of a stream (process.stderr in the command, a fake in tests). */
export interface ProgressStream {
  isTTY?: boolean;
  columns?: number;
  write(chunk: string, ...rest: never[]): boolean;
}

const OUTCOME_WORDS: Record<RowOutcome, string> = { created: 'created', skipped: 'skipped (exists)', failed: 'failed' };

export function progressReporter(total: number, stream: ProgressStream = process.stderr, { redrawEveryMs = 100 } = {}): Progress {
  const counts: Record<RowOutcome, number> = { created: 0, skipped: 0, failed: 0 };
  let finished = 0;
  const width = String(total).length;

  if (!stream.isTTY) {
    return {
      step(loginId, outcome, detail) {
        counts[outcome] += 1;
        finished += 1;
        stream.write(
          `import: ${String(finished).padStart(width)}/${total} ${loginId} ${OUTCOME_WORDS[outcome]}${detail ? `: ${detail}` : ''}\n`,
        );
      },
      done() {},
    };
  }

  // On a terminal, other writes (audit lines) clear the bar first and it is drawn again after them.
  const originalWrite = stream.write;
  const write = (chunk: string) => originalWrite.call(stream, chunk);
  let lastDraw = 0;
  const bar = () => {
    const barWidth = Math.max(10, Math.min(40, (stream.columns ?? 80) - 60));
    const filled = total === 0 ? barWidth : Math.round((finished / total) * barWidth);
    return `\r\x1b[Kimport [${'█'.repeat(filled)}${'░'.repeat(barWidth - filled)}] ${String(finished).padStart(width)}/${total}  created ${counts.created} · skipped ${counts.skipped} · failed ${counts.failed}`;
  };
  const draw = () => {
    lastDraw = Date.now();
    write(bar());
  };
  stream.write = (chunk: string, ...rest: never[]) => {
    write('\r\x1b[K');
    const result = originalWrite.call(stream, chunk, ...rest);
    write(bar());
    return result;
  };
  draw();
  return {
    step(loginId, outcome, detail) {
      counts[outcome] += 1;
      finished += 1;
      // Failures stay on screen above the bar; the rest only move it.
      if (outcome === 'failed') stream.write(`import: ${loginId} failed${detail ? `: ${detail}` : ''}\n`);
      else if (finished === total || Date.now() - lastDraw >= redrawEveryMs) draw();
    },
    done() {
      stream.write = originalWrite;
      draw();
      write('\n');
    },
  };
}
