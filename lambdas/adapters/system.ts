import { randomBytes, randomInt } from 'node:crypto';
import type { Clock, Random } from '../domain/ports';

export const systemClock: Clock = { now: () => new Date() };

/** The operating system's CSPRNG. */
export const systemRandom: Random = {
  bytes: (count) => randomBytes(count),
  int: (below) => randomInt(below),
};
