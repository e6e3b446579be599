/** Time written as "minutes after a fixed start", so tests read as a timeline. */
export function minutesFrom(start: string): (minutes: number, ms?: number) => Date {
  const t0 = Date.parse(start);
  return (minutes, ms = 0) => new Date(t0 + minutes * 60_000 + ms);
}
