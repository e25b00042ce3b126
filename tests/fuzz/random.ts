import { Prng } from '../../bench/lib/prng'

/**
 * The benchmarks' seeded PRNG (mulberry32), with what fuzz tests need on top: the same seed
 * gives the same sequence of choices, so a failing seed can be replayed and kept as a
 * regression case.
 */
export class Random extends Prng {
  constructor(readonly seed: number) {
    super(seed)
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
