/** DynamoDB TTL wants whole seconds since the epoch. */
export function epochSeconds(iso: string): number {
  return Math.floor(new Date(iso).getTime() / 1000);
}
