// A small seeded PRNG (mulberry32): the generator must give byte-identical files for a seed on
// every platform, which Math.random cannot promise.

export class Random {
  private state: number;

  constructor(seed: number) {
    // Fold the high bits in so that seeds above 2³² still give different streams.
    const high = Math.floor(seed / 0x1_0000_0000) >>> 0;
    this.state = ((seed >>> 0) ^ Math.imul(high, 0x85eb_ca6b)) >>> 0;
  }

  /** A float in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b_79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 0x1_0000_0000;
  }

  /** An integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  /** An integer in [low, high], both included. */
  between(low: number, high: number): number {
    return low + Math.floor(this.next() * (high - low + 1));
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    const item = items[Math.floor(this.next() * items.length)];
    if (item === undefined) throw new RangeError('pick from an empty list');
    return item;
  }
}
