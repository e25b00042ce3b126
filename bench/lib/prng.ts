/** A small seeded PRNG (mulberry32), so every generated workload is the same on every run. */
export class Prng {
  private state: number

  constructor(seed: number) {
    if (!Number.isInteger(seed)) throw new RangeError(`Prng seed must be an integer, got ${seed}`)
    this.state = seed >>> 0
  }

  /** A float in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0
    let t = this.state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }

  /** An integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n)
  }

  chance(p: number): boolean {
    return this.next() < p
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new RangeError('Prng.pick needs a non-empty list')
    return items[this.int(items.length)]!
  }
}
