/** Japan time as properties: every format names the same moment in Asia/Tokyo (UTC+9, no summer time). */
import fc from 'fast-check';
import { japanConsoleTime, japanDate, japanDateTime, japanDay, japanMidnight, japanStamp } from '../../../lambdas/domain/japan-time';
import { FEW_RUNS } from './settings';

const moment = fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2099-12-31T23:59:59Z'), noInvalidDate: true });
const DAY_MS = 86_400_000;
const NINE_HOURS_MS = 9 * 3_600_000;

/** The wall clock in Japan, read independently of Intl: UTC fields of the moment shifted by nine hours. */
function wallClock(at: Date) {
  const shifted = new Date(at.getTime() + NINE_HOURS_MS);
  const two = (n: number) => String(n).padStart(2, '0');
  return {
    year: String(shifted.getUTCFullYear()),
    month: two(shifted.getUTCMonth() + 1),
    day: two(shifted.getUTCDate()),
    hour: two(shifted.getUTCHours()),
    minute: two(shifted.getUTCMinutes()),
    second: two(shifted.getUTCSeconds()),
    monthNumber: shifted.getUTCMonth() + 1,
    dayNumber: shifted.getUTCDate(),
  };
}

describe('Japan time (properties)', () => {
  it('formats the console time and the stamp as the wall clock in Japan, hours 00–23', () => {
    fc.assert(
      fc.property(moment, (at) => {
        const w = wallClock(at);
        expect(japanConsoleTime(at)).toBe(`${w.year}-${w.month}-${w.day} ${w.hour}:${w.minute} JST`);
        expect(japanStamp(at)).toBe(`${w.year}${w.month}${w.day}-${w.hour}${w.minute}${w.second}`);
      }),
      FEW_RUNS,
    );
  });

  it('formats the merchant-facing date and time in Japanese from the same wall clock', () => {
    fc.assert(
      fc.property(moment, (at) => {
        const w = wallClock(at);
        expect(japanDate(at)).toBe(`${w.year}年${w.monthNumber}月${w.dayNumber}日`);
        expect(japanDateTime(at)).toBe(`${w.year}年${w.monthNumber}月${w.dayNumber}日 ${w.hour}:${w.minute}`);
      }),
      FEW_RUNS,
    );
  });

  it('reads an ISO string as the moment it names', () => {
    fc.assert(
      fc.property(moment, (at) => {
        expect(japanDateTime(at.toISOString())).toBe(japanDateTime(at));
        expect(japanConsoleTime(at.toISOString())).toBe(japanConsoleTime(at));
      }),
      FEW_RUNS,
    );
  });

  it('puts every moment in the Japanese day that starts at its japanMidnight, 24 hours long', () => {
    fc.assert(
      fc.property(moment, (at) => {
        const day = japanDay(at);
        const start = new Date(japanMidnight(day)).getTime();
        expect(start).toBeLessThanOrEqual(at.getTime());
        expect(at.getTime()).toBeLessThan(start + DAY_MS);
        expect(japanConsoleTime(at).slice(0, 10)).toBe(day);
      }),
      FEW_RUNS,
    );
  });

  it('keeps the order of moments in the stamps that name files', () => {
    fc.assert(
      fc.property(moment, moment, (a, b) => {
        const [sa, sb] = [japanStamp(a), japanStamp(b)];
        if (Math.floor(a.getTime() / 1000) < Math.floor(b.getTime() / 1000)) expect(sa < sb).toBe(true);
      }),
      FEW_RUNS,
    );
  });
});
