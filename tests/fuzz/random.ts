/**
 * A small seeded PRNG (mulberry32) for fuzz tests: the same seed gives the same sequence of
 * choices, so a failing seed can be replayed and kept as a regression case.
 */
export class Random {
  private state: number

  constructor(readonly seed: number) {
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

  /** True with probability p. */
  chance(p: number): boolean {
    return this.next() < p
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new RangeError('pick from an empty list')
    return items[this.int(items.length)]!
  }

  bytes(length: number): Uint8Array {
    return Uint8Array.from({ length }, () => this.int(256))
  }

  /** A short lowercase word, for text edits. */
  word(maxLength = 6): string {
    return Array.from({ length: 1 + this.int(maxLength) }, () =>
      String.fromCharCode(97 + this.int(26)),
    ).join('')
  }
}

/**
 * The seeds a fuzz test runs: FUZZ_SEED alone when set (to replay one), otherwise the
 * regression seeds, the fixed seeds and one fresh random seed, so every run also explores
 * something new.
 */
export function fuzzSeeds(
  regression: readonly number[],
  fixed: readonly number[],
  env = process.env,
): number[] {
  if (env.FUZZ_SEED !== undefined) {
    const seed = Number(env.FUZZ_SEED)
    if (!Number.isInteger(seed)) {
      throw new RangeError(`FUZZ_SEED must be an integer, got "${env.FUZZ_SEED}"`)
    }
    return [seed]
  }
  return [...regression, ...fixed, Math.floor(Math.random() * 2 ** 31)]
}
