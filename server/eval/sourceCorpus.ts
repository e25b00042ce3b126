/**
 * A corpus of source documents with hand-written truth: every `NAME.<ext>` in a folder that has
 * a `NAME.expected.json` beside it (or the file its `document` field names). The truth format is the one `../shared/fixtures/sources`
 * describes (full and partial quotations with speakers, titles that are not quotations,
 * boilerplate that must not reach the body, metadata).
 */

import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'

/** One expected quotation: matched by an extracted quote whose text contains `starts`. */
export interface ExpectedQuote {
  starts: string
  /** Usually a surname; null accepts any speaker. */
  speaker: string | null
}

/** The truth file of one document. */
export interface SourceTruth {
  about?: string
  /**
   * Where the document is, relative to the truth file, when it is not `NAME.<ext>` beside it
   * (truth written for pages of another collection, which stay where they are).
   */
  document?: string
  title?: string | null
  byline?: string | null
  publisher?: string | null
  publishedAt?: string | null
  url?: string | null
  full: ExpectedQuote[]
  partial: ExpectedQuote[]
  not_quotes: string[]
  boilerplate_must_not_be_body: string[]
  /** Quotations left out of scoring: even a careful reader cannot attribute them. */
  ambiguous?: (string | ExpectedQuote)[]
  questions_are_not_speaker_quotes?: string[]
}

/** A document of a corpus and its truth. */
export interface CorpusDocument {
  name: string
  file: string
  truth: SourceTruth
}

function checkTruth(file: string, value: unknown): SourceTruth {
  const truth = value as Partial<SourceTruth> | null
  if (!truth || typeof truth !== 'object') throw new Error(`${file} is not a JSON object`)
  for (const key of ['full', 'partial', 'not_quotes', 'boilerplate_must_not_be_body'] as const) {
    if (!Array.isArray(truth[key])) throw new Error(`${file} has no "${key}" array`)
  }
  return truth as SourceTruth
}

/** Every document of the corpus in `dir` that has a truth file, by name. */
export function loadCorpus(dir: string): CorpusDocument[] {
  const files = readdirSync(dir).sort()
  return files
    .filter((f) => f.endsWith('.expected.json'))
    .map((f) => {
      const name = f.slice(0, -'.expected.json'.length)
      const truthFile = path.join(dir, f)
      const truth = checkTruth(truthFile, JSON.parse(readFileSync(truthFile, 'utf8')))
      const file = truth.document
        ? path.resolve(dir, truth.document)
        : files.find((d) => d.startsWith(`${name}.`) && !d.endsWith('.expected.json'))
      if (!file) throw new Error(`No document for ${f} in ${dir}`)
      return { name, file: path.resolve(dir, file), truth }
    })
}
