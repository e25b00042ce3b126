/**
 * Scores one extraction against its truth, by the rules of the corpus README:
 * - an expected quotation is found when an offered quote's text contains its `starts` (folded);
 * - the speaker is right when the offered speaker contains the expected one, or any of its
 *   words longer than three letters; an expected `null` accepts anything;
 * - a `not_quotes` string counts against the extractor only when offered as a quote on its own;
 * - a boilerplate string counts when the body contains it;
 * - title and publisher are right when they equal the truth, folded (a publisher's leading
 *   "The" aside); the publication date when it equals the truth's YYYY-MM-DD.
 */

import { fold, foldBare } from './fold'
import type { ExpectedQuote, SourceTruth } from './sourceCorpus'

/** What an extractor offered for one document (the CLI's `extract` output). */
export interface Extraction {
  title: string | null
  byline: string | null
  publisher: string | null
  publishedAt: string | null
  body: string
  quotes: { text: string; speaker: string | null; kind: string }[]
}

/** One expected quotation and what the extraction made of it. */
export interface QuoteOutcome {
  starts: string
  expected: string | null
  /** The speaker offered with the matching quote; undefined when no quote matched. */
  offered?: string | null
  speakerRight: boolean
}

/** Counts for one document; micro-averages are sums of these. */
export interface SourceScore {
  name: string
  full: { expected: number; found: number; speakerRight: number }
  partial: { expected: number; found: number; speakerRight: number }
  notQuotes: { listed: number; offered: string[] }
  boilerplate: { listed: number; leaked: string[] }
  metadata: {
    checked: number
    right: number
    wrong: { field: string; expected: string; got: string | null }[]
  }
  /** The publication date, where the truth gives one (reported apart from title and publisher). */
  published: { checked: number; right: number; expected: string | null; got: string | null }
  misattributed: QuoteOutcome[]
  missed: string[]
}

/** Whether `offered` names the expected speaker, by the README's rule. */
export function speakerMatches(offered: string | null | undefined, expected: string | null) {
  if (expected === null) return true
  if (!offered) return false
  const have = fold(offered)
  const want = fold(expected)
  if (have.includes(want)) return true
  return want
    .split(/[\s,.]+/)
    .filter((w) => [...w].length > 3)
    .some((w) => new RegExp(`(?:^|[^\\p{L}])${escapeRegExp(w)}(?:$|[^\\p{L}])`, 'u').test(have))
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

function outcome(expected: ExpectedQuote, quotes: Extraction['quotes']): QuoteOutcome {
  const starts = fold(expected.starts)
  const matching = quotes.filter((q) => fold(q.text).includes(starts))
  // Several quotes may contain the words (a merged quote and its piece); any right one counts.
  const right = matching.find((q) => speakerMatches(q.speaker, expected.speaker))
  const chosen = right ?? matching[0]
  return {
    starts: expected.starts,
    expected: expected.speaker,
    offered: chosen ? chosen.speaker : undefined,
    speakerRight: chosen !== undefined && right !== undefined,
  }
}

function tally(outcomes: QuoteOutcome[]) {
  return {
    expected: outcomes.length,
    found: outcomes.filter((o) => o.offered !== undefined).length,
    speakerRight: outcomes.filter((o) => o.speakerRight).length,
  }
}

/** Whether a quote offered with `text` is the not-quote `title` offered on its own. */
function offersNotQuote(text: string, title: string): boolean {
  const quote = foldBare(text)
  const listed = foldBare(title)
  return quote !== '' && (quote === listed || listed.includes(quote))
}

/** Title and publisher compare folded; a publisher's leading article is not part of its name. */
function sameValue(field: 'title' | 'publisher', got: string, expected: string): boolean {
  const norm = (text: string) =>
    field === 'publisher' ? foldBare(text).replace(/^the\s+/, '') : foldBare(text)
  return norm(got) === norm(expected)
}

function checkMetadata(truth: SourceTruth, extraction: Extraction) {
  const wrong: { field: string; expected: string; got: string | null }[] = []
  let checked = 0
  for (const field of ['title', 'publisher'] as const) {
    const expected = truth[field]
    if (typeof expected !== 'string') continue
    checked++
    const got = extraction[field]
    if (got === null || sameValue(field, got, expected) === false)
      wrong.push({ field, expected, got })
  }
  return { checked, right: checked - wrong.length, wrong }
}

/** Scores `extraction` of the document `name` against `truth`. */
export function scoreSource(name: string, truth: SourceTruth, extraction: Extraction): SourceScore {
  const full = truth.full.map((e) => outcome(e, extraction.quotes))
  const partial = truth.partial.map((e) => outcome(e, extraction.quotes))
  const body = fold(extraction.body)
  return {
    name,
    full: tally(full),
    partial: tally(partial),
    notQuotes: {
      listed: truth.not_quotes.length,
      offered: truth.not_quotes.filter((t) =>
        extraction.quotes.some((q) => offersNotQuote(q.text, t)),
      ),
    },
    boilerplate: {
      listed: truth.boilerplate_must_not_be_body.length,
      leaked: truth.boilerplate_must_not_be_body.filter((b) => body.includes(fold(b))),
    },
    metadata: checkMetadata(truth, extraction),
    published: {
      checked: truth.publishedAt ? 1 : 0,
      right: truth.publishedAt && truth.publishedAt === extraction.publishedAt ? 1 : 0,
      expected: truth.publishedAt ?? null,
      got: extraction.publishedAt,
    },
    misattributed: full.filter((o) => o.offered !== undefined && !o.speakerRight),
    missed: full.filter((o) => o.offered === undefined).map((o) => o.starts),
  }
}
