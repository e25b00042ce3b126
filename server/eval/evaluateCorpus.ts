/**
 * Runs the importer over a corpus and totals the scores: per-document scores and their
 * micro-averages (sums over documents, then ratios), as `npm run eval:sources` reports them.
 */

import { extractFile } from './extractFile'
import { type SourceScore, scoreSource } from './scoreSource'
import { loadCorpus } from './sourceCorpus'

/** Micro-averaged totals of a corpus. */
export interface CorpusTotals {
  documents: number
  fullExpected: number
  fullFound: number
  fullSpeakerRight: number
  /** Found full quotes with the right speaker, over all expected full quotes. */
  speakerAccuracy: number
  fullRecall: number
  partialExpected: number
  partialFound: number
  partialSpeakerRight: number
  notQuotesListed: number
  notQuotesOffered: number
  boilerplateListed: number
  boilerplateLeaked: number
  metadataChecked: number
  metadataRight: number
  publishedChecked: number
  publishedRight: number
}

/** A corpus's scores. */
export interface CorpusResult {
  dir: string
  documents: SourceScore[]
  totals: CorpusTotals
}

const ratio = (n: number, d: number) => (d === 0 ? 1 : n / d)

/** Sums per-document scores into micro-averages. */
export function totalsOf(scores: readonly SourceScore[]): CorpusTotals {
  const sum = (pick: (s: SourceScore) => number) => scores.reduce((t, s) => t + pick(s), 0)
  const fullExpected = sum((s) => s.full.expected)
  const fullFound = sum((s) => s.full.found)
  const fullSpeakerRight = sum((s) => s.full.speakerRight)
  return {
    documents: scores.length,
    fullExpected,
    fullFound,
    fullSpeakerRight,
    speakerAccuracy: ratio(fullSpeakerRight, fullExpected),
    fullRecall: ratio(fullFound, fullExpected),
    partialExpected: sum((s) => s.partial.expected),
    partialFound: sum((s) => s.partial.found),
    partialSpeakerRight: sum((s) => s.partial.speakerRight),
    notQuotesListed: sum((s) => s.notQuotes.listed),
    notQuotesOffered: sum((s) => s.notQuotes.offered.length),
    boilerplateListed: sum((s) => s.boilerplate.listed),
    boilerplateLeaked: sum((s) => s.boilerplate.leaked.length),
    metadataChecked: sum((s) => s.metadata.checked),
    metadataRight: sum((s) => s.metadata.right),
    publishedChecked: sum((s) => s.published.checked),
    publishedRight: sum((s) => s.published.right),
  }
}

/** Imports every document of the corpus in `dir` and scores it. */
export async function evaluateCorpus(dir: string): Promise<CorpusResult> {
  const documents: SourceScore[] = []
  for (const doc of loadCorpus(dir)) {
    documents.push(scoreSource(doc.name, doc.truth, await extractFile(doc.file)))
  }
  return { dir, documents, totals: totalsOf(documents) }
}
