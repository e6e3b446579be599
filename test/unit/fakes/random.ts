import { createHash } from 'node:crypto';
import type { Random } from '../../../lambdas/domain/ports';

/**
 * A deterministic stand-in for the CSPRNG: SHA-256 of a seed and a counter. Every call gives new
 * bytes (so tokens differ), the same seed gives the same run, and `int` is uniform like
 * `crypto.randomInt` (rejection sampling, no modulo bias).
 */
export class SeededRandom implements Random {
  private counter = 0;

  constructor(private readonly seed = 'unit-tests') {}

  bytes(count: number): Buffer {
    const chunks: Buffer[] = [];
    let length = 0;
    while (length < count) {
      const chunk = createHash('sha256')
        .update(`${this.seed}:${this.counter++}`)
        .digest();
      chunks.push(chunk);
      length += chunk.length;
    }
    return Buffer.concat(chunks).subarray(0, count);
  }

  int(below: number): number {
    const limit = Math.floor(0x1_0000_0000 / below) * below;
    for (;;) {
      const value = this.bytes(4).readUInt32BE(0);
      if (value < limit) return value % below;
    }
  }
}

/** Plays back the given integers in a cycle and remembers every bound it was asked for. */
export class ScriptedRandom implements Random {
  readonly bounds: number[] = [];
  private next = 0;

  constructor(
    private readonly ints: readonly number[],
    private readonly fillByte = 0,
  ) {}

  bytes(count: number): Buffer {
    return Buffer.alloc(count, this.fillByte);
  }

  int(below: number): number {
    this.bounds.push(below);
    const value = this.ints[this.next++ % this.ints.length];
    if (value < 0 || value >= below) throw new Error(`scripted value ${value} is outside [0, ${below})`);
    return value;
  }
}
