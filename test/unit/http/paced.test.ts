import { MAIL_REQUEST_FLOOR_MS, paced } from '../../../lambdas/http/paced';

/** Watches a promise without awaiting it, so the test can move the fake clock and look. */
function watch<T>(promise: Promise<T>) {
  const state: { settled: boolean; value?: T; error?: unknown } = { settled: false };
  promise.then(
    (value) => Object.assign(state, { settled: true, value }),
    (error: unknown) => Object.assign(state, { settled: true, error }),
  );
  return state;
}

const after = <T>(ms: number, value: T) => new Promise<T>((resolve) => setTimeout(() => resolve(value), ms));
const failAfter = (ms: number, error: Error) => new Promise<never>((_resolve, reject) => setTimeout(() => reject(error), ms));

describe('paced', () => {
  describe('with fake timers', () => {
    beforeEach(() => {
      jest.useFakeTimers({ now: Date.parse('2025-04-01T09:00:00.000Z') });
    });

    afterEach(() => {
      jest.useRealTimers();
    });

    it('answers quick work no sooner than the floor', async () => {
      // Act
      const answer = watch(paced(700, async () => 'sent'));
      await jest.advanceTimersByTimeAsync(699);
      const beforeFloor = answer.settled;
      await jest.advanceTimersByTimeAsync(1);

      // Assess
      expect(beforeFloor).toBe(false);
      expect(answer).toEqual({ settled: true, value: 'sent' });
    });

    it('fails quick work no sooner than the floor, with the same error', async () => {
      // Prepare
      const refusal = new Error('throttled');

      // Act
      const answer = watch(paced(700, async () => Promise.reject(refusal)));
      await jest.advanceTimersByTimeAsync(699);
      const beforeFloor = answer.settled;
      await jest.advanceTimersByTimeAsync(1);

      // Assess
      expect(beforeFloor).toBe(false);
      expect(answer).toEqual({ settled: true, error: refusal });
    });

    it('pads only what the work left of the floor', async () => {
      // Act
      const answer = watch(paced(700, () => after(400, 'sent')));
      await jest.advanceTimersByTimeAsync(699);
      const beforeFloor = answer.settled;
      await jest.advanceTimersByTimeAsync(1);

      // Assess
      expect(beforeFloor).toBe(false);
      expect(answer.settled).toBe(true);
    });

    it('adds nothing when the work is slower than the floor', async () => {
      // Act
      const answer = watch(paced(700, () => after(1_000, 'sent')));
      await jest.advanceTimersByTimeAsync(999);
      const beforeWorkEnds = answer.settled;
      await jest.advanceTimersByTimeAsync(1);

      // Assess
      expect(beforeWorkEnds).toBe(false);
      expect(answer).toEqual({ settled: true, value: 'sent' });
    });

    it('adds nothing to slow work that fails', async () => {
      // Prepare
      const fault = new Error('SES timeout');

      // Act
      const answer = watch(paced(700, () => failAfter(1_000, fault)));
      await jest.advanceTimersByTimeAsync(1_000);

      // Assess
      expect(answer).toEqual({ settled: true, error: fault });
    });
  });

  describe('with real timers', () => {
    it('takes at least the floor for instant work, and not much more', async () => {
      // Prepare
      const started = performance.now();

      // Act
      await paced(50, async () => undefined);

      // Assess
      const took = performance.now() - started;
      expect(took).toBeGreaterThanOrEqual(49);
      expect(took).toBeLessThan(500);
    });

    it('takes about the time of work slower than the floor', async () => {
      // Prepare
      const started = performance.now();

      // Act
      await paced(20, () => after(80, undefined));

      // Assess
      const took = performance.now() - started;
      expect(took).toBeGreaterThanOrEqual(79);
      expect(took).toBeLessThan(80 + 20 + 400);
    });
  });

  it('sets the floor of the mail requests above two SES calls', () => {
    expect(MAIL_REQUEST_FLOOR_MS).toBeGreaterThanOrEqual(500);
  });
});
