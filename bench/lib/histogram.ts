/**
 * A latency histogram that merges across processes. Buckets are 10 µs wide up to 100 ms and
 * 1 ms wide up to 60 s (anything later lands in the last bucket), so percentiles in the range
 * that matters are exact to 10 µs while a run of millions of samples stays a few hundred KB.
 */

const FINE_LIMIT_MS = 100
const FINE_PER_MS = 100
const COARSE_LIMIT_MS = 60_000
const FINE_BUCKETS = FINE_LIMIT_MS * FINE_PER_MS
const BUCKETS = FINE_BUCKETS + (COARSE_LIMIT_MS - FINE_LIMIT_MS) + 1

/** Sparse `[bucket, count]` pairs plus the exact extremes; what crosses process boundaries. */
export interface HistogramData {
  buckets: Array<[number, number]>
  count: number
  sumMs: number
  maxMs: number
}

export interface LatencySummary {
  samples: number
  p50: number
  p95: number
  p99: number
  max: number
  mean: number
}

export class Histogram {
  private readonly counts = new Uint32Array(BUCKETS)
  count = 0
  sumMs = 0
  maxMs = 0

  record(ms: number): void {
    const value = ms > 0 ? ms : 0
    this.counts[bucketOf(value)]!++
    this.count++
    this.sumMs += value
    if (value > this.maxMs) this.maxMs = value
  }

  merge(data: HistogramData): void {
    for (const [bucket, count] of data.buckets) this.counts[bucket]! += count
    this.count += data.count
    this.sumMs += data.sumMs
    this.maxMs = Math.max(this.maxMs, data.maxMs)
  }

  /** The value below which `q` (0..1) of the samples fall; NaN when empty. */
  quantile(q: number): number {
    if (this.count === 0) return Number.NaN
    const rank = Math.max(1, Math.ceil(q * this.count))
    let seen = 0
    for (let bucket = 0; bucket < BUCKETS; bucket++) {
      seen += this.counts[bucket]!
      if (seen >= rank) return Math.min(upperEdge(bucket), this.maxMs)
    }
    return this.maxMs
  }

  summary(): LatencySummary {
    return {
      samples: this.count,
      p50: round(this.quantile(0.5)),
      p95: round(this.quantile(0.95)),
      p99: round(this.quantile(0.99)),
      max: round(this.maxMs),
      mean: round(this.count === 0 ? Number.NaN : this.sumMs / this.count),
    }
  }

  toData(): HistogramData {
    const buckets: Array<[number, number]> = []
    for (let bucket = 0; bucket < BUCKETS; bucket++) {
      const count = this.counts[bucket]!
      if (count > 0) buckets.push([bucket, count])
    }
    return { buckets, count: this.count, sumMs: this.sumMs, maxMs: this.maxMs }
  }
}

function bucketOf(ms: number): number {
  if (ms < FINE_LIMIT_MS) return Math.floor(ms * FINE_PER_MS)
  if (ms < COARSE_LIMIT_MS) return FINE_BUCKETS + Math.floor(ms - FINE_LIMIT_MS)
  return BUCKETS - 1
}

/** The bucket's upper edge: a percentile is reported conservatively, never below a sample. */
function upperEdge(bucket: number): number {
  if (bucket < FINE_BUCKETS) return (bucket + 1) / FINE_PER_MS
  if (bucket < BUCKETS - 1) return FINE_LIMIT_MS + (bucket - FINE_BUCKETS) + 1
  return Number.POSITIVE_INFINITY
}

/** Rounds to 2 decimals (10 µs), the histogram's resolution. */
export function round(value: number): number {
  return Number.isFinite(value) ? Math.round(value * 100) / 100 : value
}

/** Median of a list of numbers. */
export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2
}
