import { progressReporter, type ProgressStream } from '../../../ops/import/progress';

function fakeStream(isTTY: boolean) {
  const written: string[] = [];
  const stream: ProgressStream = { isTTY, columns: 100, write: (chunk: string) => (written.push(chunk), true) };
  return { stream, written, text: () => written.join('') };
}

describe('progressReporter', () => {
  it('writes one plain line per account when stderr is not a terminal', () => {
    // Prepare
    const { stream, text } = fakeStream(false);
    const progress = progressReporter(12, stream);

    // Act
    progress.step('SHOP-0001', 'created');
    progress.step('SHOP-0002', 'skipped');
    progress.step('SHOP-0003', 'failed', 'Throttled');
    progress.done();

    // Assess
    expect(text()).toBe(
      ['import:  1/12 SHOP-0001 created', 'import:  2/12 SHOP-0002 skipped (exists)', 'import:  3/12 SHOP-0003 failed: Throttled', ''].join(
        '\n',
      ),
    );
    expect(text()).not.toContain('\r');
  });

  it('redraws one bar in place on a terminal, and ends its line when done', () => {
    // Prepare
    const { stream, written, text } = fakeStream(true);
    const progress = progressReporter(2, stream, { redrawEveryMs: 0 });

    // Act
    progress.step('SHOP-0001', 'created');
    progress.step('SHOP-0002', 'skipped');
    progress.done();

    // Assess
    expect(written.every((chunk) => chunk.startsWith('\r\x1b[K') || chunk === '\n')).toBe(true);
    expect(written.at(-2)).toContain('2/2  created 1 · skipped 1 · failed 0');
    expect(text().endsWith('\n')).toBe(true);
    expect(text().split('\n')).toHaveLength(2);
  });

  it('keeps other lines (audit lines) apart from the bar, and gives the stream back when done', () => {
    // Prepare
    const { stream, text } = fakeStream(true);
    const original = stream.write;
    const progress = progressReporter(1, stream);

    // Act
    stream.write('{"audit":true}\n');
    progress.step('SHOP-0001', 'failed', 'boom');
    progress.done();

    // Assess
    expect(text()).toContain('\r\x1b[K{"audit":true}\n\r\x1b[Kimport [');
    expect(text()).toContain('\r\x1b[Kimport: SHOP-0001 failed: boom\n');
    expect(stream.write).toBe(original);
  });
});
