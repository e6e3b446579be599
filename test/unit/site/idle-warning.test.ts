import { timeLeftWording, warningLeadMs } from '../../../static-site/src/js/idle-warning';

describe('the idle warning of the signed-in pages', () => {
  it.each([
    [30, 2 * 60_000],
    [15, 2 * 60_000],
    [4, 2 * 60_000],
    [3, 90_000],
    [1, 30_000],
  ])('warns, with a %i-minute idle limit, %i ms before the end', (idleMinutes, leadMs) => {
    expect(warningLeadMs(idleMinutes)).toBe(leadMs);
  });

  it.each([
    [120_000, '2分'],
    [90_000, '1分30秒'],
    [89_001, '1分30秒'],
    [45_000, '45秒'],
    [0, '0秒'],
    [-3_000, '0秒'],
  ])('says %i ms left as 「%s」', (ms, wording) => {
    expect(timeLeftWording(ms)).toBe(wording);
  });
});
