import { ATTEMPTS } from './lib/cpu'
import type { HostileCase } from './lib/hostileCases'

/**
 * Workload sizes for a full run and for `--quick`, which exists so CI can prove every
 * scenario still runs end to end in well under two minutes; its numbers mean nothing.
 */

export interface BenchConfig {
  mode: 'full' | 'quick'
  /**
   * Attempts per measurement while other work on the machine disturbs it (bench/lib/cpu.ts).
   * Quick mode runs beside other tests, where every run is disturbed: it takes the first.
   */
  attempts: number
  sync: {
    editorCounts: number[]
    /**
     * Editors per document that apply what they receive; the others only receive (see
     * bench/workers/editors.ts). `--all-apply` makes every editor apply.
     */
    applyingEditors: number
    /** Runs per server at each editor count (alternating servers); the better one is kept. */
    repeats: number
    intervalMs: number
    warmupMs: number
    durationMs: number
    drainMs: number
  }
  ceiling: {
    /** Editor counts tried in order until p99 reaches the limit. */
    ramp: number[]
    /** After the ramp, halve the gap between the last pass and the first fail this often. */
    refineSteps: number
    limitMs: number
    warmupMs: number
    durationMs: number
  }
  idle: { connections: number; documents: number; settleMs: number }
  coldLoad: { edits: number; runs: number }
  durability: {
    documents: number
    writersPerDocument: number
    /** A writer never exceeds this rate (Briefing closes sockets past 200 messages/s). */
    maxRatePerWriter: number
    /** Edits a writer may have in flight (sent, not yet seen by the observer). */
    window: number
    /** Runs per variant, interleaved; the best is kept. */
    repeats: number
    warmupMs: number
    durationMs: number
  }
  export: { pages: number[]; warmRuns: number }
  quotes: {
    words: number
    runs: number /** Runs before the measured ones, the first timed as cold. */
    warmups: number
  }
  /** Versions: the long briefing's size, the history listed, runs per measure. */
  versions: { chars: number; listed: number; runs: number }
  /** Edit latency during hostile imports (scenarios/hostileImport.ts). */
  hostileImport: { phaseMs: number; intervalMs: number; cases: HostileCase[] }
  /** Search latency over many briefings (scenarios/search.ts). */
  search: {
    briefings: number
    wordsPerBriefing: number
    /** Distinct words the text is drawn from (Zipf-distributed). */
    vocabulary: number
    warmup: number
    runs: number
  }
  /** Edit latency while large ordinary files import (scenarios/importUnderLoad.ts). */
  importUnderLoad: {
    editors: number
    intervalMs: number
    warmupMs: number
    durationMs: number
    drainMs: number
    /** Runs per phase, alternating which goes first; every run is reported. */
    repeats: number
    files: HostileCase[]
  }
}

export const FULL: BenchConfig = {
  mode: 'full',
  attempts: ATTEMPTS,
  sync: {
    editorCounts: [10, 50, 200],
    applyingEditors: 10,
    repeats: 2,
    intervalMs: 200,
    warmupMs: 3_000,
    durationMs: 15_000,
    drainMs: 15_000,
  },
  ceiling: {
    ramp: [10, 20, 40, 60, 80, 100, 130, 160, 200, 250, 300],
    refineSteps: 2,
    limitMs: 100,
    warmupMs: 3_000,
    durationMs: 10_000,
  },
  idle: { connections: 10_000, documents: 1_000, settleMs: 5_000 },
  coldLoad: { edits: 260_000, runs: 5 },
  durability: {
    documents: 100,
    writersPerDocument: 1,
    maxRatePerWriter: 150,
    window: 8,
    repeats: 2,
    warmupMs: 2_000,
    durationMs: 10_000,
  },
  export: { pages: [20, 100], warmRuns: 5 },
  quotes: { words: 10_000, runs: 20, warmups: 10 },
  versions: { chars: 200_000, listed: 1_000, runs: 7 },
  search: { briefings: 10_000, wordsPerBriefing: 300, vocabulary: 20_000, warmup: 3, runs: 30 },
  hostileImport: {
    phaseMs: 10_000,
    intervalMs: 20,
    cases: [
      'nested-divs-1000',
      'paragraphs-90000',
      'docx-bomb-40MiB',
      'docx-lying-8MiB',
      'docx-8MiB-xml',
      'pdf-10000-pages',
      'pdf-2000-pages',
      'text-14MiB',
    ],
  },
  importUnderLoad: {
    editors: 10,
    intervalMs: 200,
    warmupMs: 3_000,
    durationMs: 15_000,
    drainMs: 15_000,
    repeats: 2,
    files: ['report-pdf-10MB', 'article-html-5MB'],
  },
}

export const QUICK: BenchConfig = {
  mode: 'quick',
  attempts: 1,
  sync: {
    editorCounts: [4],
    applyingEditors: 2,
    repeats: 1,
    intervalMs: 200,
    warmupMs: 400,
    durationMs: 1_200,
    drainMs: 5_000,
  },
  ceiling: { ramp: [2, 4], refineSteps: 0, limitMs: 100, warmupMs: 400, durationMs: 1_000 },
  idle: { connections: 60, documents: 6, settleMs: 300 },
  coldLoad: { edits: 2_000, runs: 1 },
  durability: {
    documents: 2,
    writersPerDocument: 2,
    maxRatePerWriter: 100,
    window: 4,
    repeats: 1,
    warmupMs: 300,
    durationMs: 1_000,
  },
  export: { pages: [2], warmRuns: 1 },
  quotes: { words: 1_000, runs: 2, warmups: 1 },
  versions: { chars: 5_000, listed: 20, runs: 1 },
  search: { briefings: 50, wordsPerBriefing: 60, vocabulary: 500, warmup: 1, runs: 3 },
  hostileImport: { phaseMs: 1_000, intervalMs: 20, cases: ['nested-divs-1000', 'paragraphs-2000'] },
  importUnderLoad: {
    editors: 4,
    intervalMs: 200,
    warmupMs: 400,
    durationMs: 1_200,
    drainMs: 5_000,
    repeats: 1,
    files: ['paragraphs-2000', 'nested-divs-1000'],
  },
}
