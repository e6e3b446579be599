import {
  japanConsoleTime,
  japanDate,
  japanDateTime,
  japanDeadline,
  japanDay,
  japanMidnight,
  japanStamp,
} from '../../../lambdas/domain/japan-time';

describe('Japan time', () => {
  describe('japanDateTime', () => {
    it.each([
      ['2026-11-27T10:30:00.000Z', '2026年11月27日 19:30'],
      ['2025-04-01T15:00:00.000Z', '2025年4月2日 00:00'],
      ['2025-12-31T14:59:59.999Z', '2025年12月31日 23:59'],
      ['2025-04-01T00:05:00.000Z', '2025年4月1日 09:05'],
    ])('shows %s in Japan time as %s', (iso, shown) => {
      expect(japanDateTime(iso)).toBe(shown);
      expect(japanDateTime(new Date(iso))).toBe(shown);
    });
  });

  describe('japanDeadline', () => {
    it.each([
      ['2026-12-01T15:30:00.000Z', '2026年12月2日 00:30まで'],
      ['2026-12-01T14:59:00.000Z', '2026年12月1日 23:59まで'],
      ['2026-12-31T15:00:00.000Z', '2027年1月1日 00:00まで'],
      ['2026-03-04T00:05:00.000Z', '2026年3月4日 09:05まで'],
    ])('states %s as %s: Japan time across the date boundary, hours as japanDateTime pads them', (iso, shown) => {
      expect(japanDeadline(iso)).toBe(shown);
      expect(japanDeadline(new Date(iso))).toBe(shown);
    });
  });

  describe('japanDate', () => {
    it('gives the day in Japan, which may be the next one in UTC terms', () => {
      expect(japanDate(new Date('2026-11-27T14:59:59.999Z'))).toBe('2026年11月27日');
      expect(japanDate('2026-11-27T15:00:00.000Z')).toBe('2026年11月28日');
    });
  });

  describe('japanConsoleTime', () => {
    it.each([
      ['2026-11-27T15:05:00.000Z', '2026-11-28 00:05 JST'],
      ['2026-01-01T03:04:59.000Z', '2026-01-01 12:04 JST'],
      ['2025-12-31T14:59:00.000Z', '2025-12-31 23:59 JST'],
    ])('shows %s as %s', (iso, shown) => {
      expect(japanConsoleTime(iso)).toBe(shown);
    });
  });

  describe('japanStamp', () => {
    it('puts the Japan date and time to the second, zero-padded, so names sort by time', () => {
      expect(japanStamp(new Date('2026-11-27T01:30:00Z'))).toBe('20261127-103000');
      expect(japanStamp(new Date('2026-11-27T15:00:05Z'))).toBe('20261128-000005');
      expect(japanStamp(new Date('2026-02-03T19:04:05Z'))).toBe('20260204-040405');
    });
  });

  describe('japanDay and japanMidnight', () => {
    it('turn a Japan day into the instant it starts, and back', () => {
      // Act
      const start = new Date(japanMidnight('2026-11-27'));

      // Assess
      expect(start.toISOString()).toBe('2026-11-26T15:00:00.000Z');
      expect(japanDay(start)).toBe('2026-11-27');
      expect(japanDay(new Date(start.getTime() - 1))).toBe('2026-11-26');
    });
  });
});
