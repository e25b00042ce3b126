/**
 * A source's extracted quotes grouped by who said them, filtered by a search. Analysts look
 * for "what did the minister say about X", so the search matches words in the quote and in
 * the speaker's name and role, ignoring case, accents and curly-versus-straight quotes.
 */
import { type ExtractedQuote, probableSpeaker, speakerConfirmed } from '../../../shared/sources'

/** One speaker's quotes, in source order. */
export interface SpeakerGroup {
  /**
   * Stable key: the speaker's name, or '' for the quotes whose speaker the text does not
   * confirm (nobody credited, or credited with too little evidence).
   */
  key: string
  /** Null for the group of unconfirmed speakers. */
  speaker: string | null
  /** The first role the source gives the speaker. */
  speakerRole: string | null
  /** The quotes, each with its index in `source.quotes`. */
  quotes: { quote: ExtractedQuote; index: number }[]
}

/** Lower-cased, accent-free text with typographic quotes straightened, for matching. */
function searchFold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[\u2018\u2019\u201A\u201B]/g, "'")
    .replace(/[\u201C\u201D\u201E\u201F]/g, '"')
    .toLowerCase()
}

/** Whether every word of `query` occurs in the quote, its speaker or the speaker's role. */
export function quoteMatches(quote: ExtractedQuote, query: string): boolean {
  const words = searchFold(query).split(/\s+/).filter(Boolean)
  if (words.length === 0) return true
  const haystack = searchFold([quote.text, probableSpeaker(quote), quote.speakerRole].join(' '))
  return words.every((word) => haystack.includes(word))
}

/**
 * Groups the quotes matching `query` by speaker. Groups come in the order their speaker is
 * first quoted; quotes whose speaker the text does not confirm come last, in a group of their
 * own, since they must not be cited without a person checking who said them.
 */
export function groupQuotesBySpeaker(
  quotes: readonly ExtractedQuote[],
  query = '',
): SpeakerGroup[] {
  const groups = new Map<string, SpeakerGroup>()
  quotes.forEach((quote, index) => {
    if (!quoteMatches(quote, query)) return
    const key = speakerConfirmed(quote) ? (quote.speaker?.trim() ?? '') : ''
    let group = groups.get(key)
    if (!group) {
      group = { key, speaker: key || null, speakerRole: null, quotes: [] }
      groups.set(key, group)
    }
    if (key !== '') group.speakerRole ??= quote.speakerRole?.trim() || null
    group.quotes.push({ quote, index })
  })
  return [...groups.values()].sort((a, b) => Number(a.key === '') - Number(b.key === ''))
}
