/**
 * Times as people in Japan read them, whatever the zone of the machine (Lambda and ops run in
 * UTC, a merchant's computer may be set to anything). Mails, pages and ops all format here.
 */
const JAPAN_ZONE = 'Asia/Tokyo';
const JAPAN_OFFSET = '+09:00';
const JAPAN_OFFSET_MS = 9 * 3_600_000;

const asDate = (at: Date | string) => (typeof at === 'string' ? new Date(at) : at);

// Formats are made when asked, not at load: a page checks the browser can format at all first.
const dateTimeFormat = () =>
  new Intl.DateTimeFormat('ja-JP', {
    timeZone: JAPAN_ZONE,
    year: 'numeric',
    month: 'long',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  });
const dateFormat = () => new Intl.DateTimeFormat('ja-JP', { timeZone: JAPAN_ZONE, year: 'numeric', month: 'long', day: 'numeric' });
const numericFormat = () =>
  new Intl.DateTimeFormat('en-GB', {
    timeZone: JAPAN_ZONE,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  });

function numericParts(at: Date): Record<string, string> {
  return Object.fromEntries(
    numericFormat()
      .formatToParts(at)
      .map((part) => [part.type, part.value]),
  );
}

/** As merchants read it, in mails, letters and on the home page: 2026年11月27日 19:30. */
export const japanDateTime = (at: Date | string): string => dateTimeFormat().format(asDate(at));

/** An expiry as a mail states it, in the same style: 2026年12月2日 00:30まで. */
export const japanDeadline = (at: Date | string): string => `${japanDateTime(at)}まで`;

/** The day alone, as printed on a letter: 2026年11月27日. */
export const japanDate = (at: Date | string): string => dateFormat().format(asDate(at));

/** On the ops console: 2026-11-27 19:30 JST (sortable, and says which zone). */
export function japanConsoleTime(at: Date | string): string {
  const p = numericParts(asDate(at));
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute} JST`;
}

/** In names that sort by time (files, import runs): 20261127-103512. */
export function japanStamp(at: Date): string {
  const p = numericParts(at);
  return `${p.year}${p.month}${p.day}-${p.hour}${p.minute}${p.second}`;
}

/** The day in Japan, ISO style: 2026-11-27. */
export const japanDay = (at: Date): string => new Date(at.getTime() + JAPAN_OFFSET_MS).toISOString().slice(0, 10);

/** Midnight in Japan that starts `day` (2026-11-27), as ISO text a Date reads. */
export const japanMidnight = (day: string): string => `${day}T00:00:00${JAPAN_OFFSET}`;
