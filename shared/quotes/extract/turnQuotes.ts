/**
 * In a transcript, each named speaker's turn is a quotation, paragraph by paragraph, whether
 * or not it carries quotation marks. A turn runs from its label to the next label; stage
 * directions ("(Laughter.)") and question or moderator turns are skipped.
 */

import type { ExtractedQuote } from '../../sources/types'
import { type Attribution, type BodyAnalysis, makeQuote } from './documentAnalysis'
import { nameFromLabel, type SpeakerLabel } from './transcript'

const STAGE_DIRECTION = /^\s*[[(][^\])]*[\])]\s*\.?\s*$/

const UNNAMED: Attribution = {
  speaker: null,
  role: null,
  details: { confidence: 0, method: 'label', cue: null, introduced: null, suggestion: null },
}

/** The speaker a label names, with the full name and role if the document gives them. */
function labelSpeaker(body: BodyAnalysis, label: SpeakerLabel, p: number): Attribution {
  const named = nameFromLabel(label.label)
  if (!named.name) return UNNAMED
  const person = body.entities.registry.lookup(named.name.split(' '))
  const start = body.offsets[p] ?? 0
  const cue = { start, end: start + label.end }
  const introduced =
    person && person.introduced.end > person.introduced.start ? { ...person.introduced } : null
  return {
    speaker: person?.name ?? named.name,
    role: person?.role ?? named.role ?? label.description?.toLowerCase() ?? null,
    details: { confidence: 1, method: 'label', cue, introduced, suggestion: null },
  }
}

/** The turns of named speakers as quotations. */
export function turnQuotes(body: BodyAnalysis): ExtractedQuote[] {
  const quotes: ExtractedQuote[] = []
  let speaker: Attribution = UNNAMED
  let quotable = false
  body.paragraphs.forEach((paragraph, p) => {
    const label = body.labels[p]
    if (label) {
      quotable = label.kind === 'speaker'
      speaker = labelSpeaker(body, label, p)
    } else if (!body.inTurn[p] || STAGE_DIRECTION.test(paragraph)) {
      return
    }
    if (!quotable) return
    const range = { from: label?.end ?? 0, to: paragraph.length }
    const quote = makeQuote(body, p, range, 'full', speaker)
    if (quote) quotes.push(quote)
  })
  return quotes
}
