/**
 * In a transcript, each named speaker's turn is a quotation, paragraph by paragraph, whether
 * or not it carries quotation marks. A turn runs from its label to the next label; stage
 * directions ("(Laughter.)") and question or moderator turns are skipped.
 */

import type { ExtractedQuote } from '../../sources/types'
import { type BodyAnalysis, makeQuote } from './documentAnalysis'
import type { Speaker } from './speakerPhrase'
import { nameFromLabel, type SpeakerLabel } from './transcript'

const STAGE_DIRECTION = /^\s*[[(][^\])]*[\])]\s*\.?\s*$/

/** The speaker a label names, with the full name and role if the document gives them. */
function labelSpeaker(body: BodyAnalysis, label: SpeakerLabel): Speaker | null {
  const named = nameFromLabel(label.label)
  if (!named.name) return null
  const person = body.registry.lookup(named.name)
  return person
    ? { name: person.name, role: person.role ?? named.role }
    : { name: named.name, role: named.role }
}

/** The turns of named speakers as quotations. */
export function turnQuotes(body: BodyAnalysis): ExtractedQuote[] {
  const quotes: ExtractedQuote[] = []
  let speaker: Speaker | null = null
  let quotable = false
  body.paragraphs.forEach((paragraph, p) => {
    const label = body.labels[p]
    if (label) {
      quotable = label.kind === 'speaker'
      speaker = labelSpeaker(body, label)
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
