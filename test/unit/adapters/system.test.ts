import { systemClock, systemRandom } from '../../../lambdas/adapters/system';

describe('system clock and random', () => {
  it('tells the current time', () => {
    // Prepare
    const before = Date.now();

    // Act
    const now = systemClock.now().getTime();

    // Assess
    expect(now).toBeGreaterThanOrEqual(before);
    expect(now).toBeLessThanOrEqual(Date.now());
  });

  it('gives the number of random bytes asked for, different each time', () => {
    // Act
    const a = systemRandom.bytes(32);
    const b = systemRandom.bytes(32);

    // Assess
    expect(a).toHaveLength(32);
    expect(a.equals(b)).toBe(false);
  });

  it('gives integers in [0, below) covering the whole range', () => {
    // Act
    const seen = new Set(Array.from({ length: 500 }, () => systemRandom.int(10)));

    // Assess
    expect([...seen].sort()).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });
});
