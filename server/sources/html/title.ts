/**
 * A page's title, chosen by agreement between the places a page states it (JSON-LD headline,
 * Open Graph, Twitter and other meta titles, `<title>`, the first heading) once each has lost
 * the site name, author, section-less date or address it carries (" - BBC News", " | DW |
 * 19.01.2020"). The title most places agree on wins, so one odd source (an og:title that drops
 * a word, a heading that is a section label or "ADVERTISEMENT") does not decide it.
 */

import { isBoilerplate } from '../boilerplate'
import { findDate } from '../dates'
import { isDomainLike, nameKey } from './siteNames'

/** A title as one source states it, with how much that source is trusted. */
export interface TitleCandidate {
  text: string
  weight: number
}

/** What the title may carry besides the headline. */
export interface TitleContext {
  /** Keys (see nameKey) of the names the site goes by, and of its domain's brand. */
  siteKeys: ReadonlySet<string>
  /** Names of the article's authors. */
  authors: readonly string[]
}

const SEPARATOR = /(\s+[|–—\-/·•:]{1,2}\s+|\s*\|\s*)/

const foldTitle = (text: string) =>
  text
    .normalize('NFKC')
    .replace(/[\u2018\u2019\u2032`´]/g, "'")
    .replace(/[\u201c\u201d\u2033]/g, '"')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase()

/** A segment that is no part of a headline: the site's name or address, an author, a date. */
function isExtraSegment(segment: string, context: TitleContext): boolean {
  const key = nameKey(segment)
  if (key === '') return true
  if (context.siteKeys.has(key) || isDomainLike(segment)) return true
  if (context.authors.some((a) => nameKey(a) === key)) return true
  if (/^\d{1,2}[./-]\d{1,2}[./-]\d{2,4}$/.test(segment.trim())) return true
  const date = findDate(segment)
  return date !== null && date.length >= segment.trim().length - 4
}

/** The title without the site name, author or date segments at either end. */
export function cleanTitle(title: string, context: TitleContext): string {
  let parts = title.replace(/\s+/g, ' ').trim().split(SEPARATOR)
  while (parts.length >= 3 && isExtraSegment(parts.at(-1) ?? '', context))
    parts = parts.slice(0, -2)
  while (parts.length >= 3 && isExtraSegment(parts[0] ?? '', context)) parts = parts.slice(2)
  return parts.join('').trim()
}

/** How strongly a source stating `stated` supports `headline`: fully, as a part, or not. */
function support(stated: string, headline: string): number {
  if (stated === headline) return 1
  const at = stated.indexOf(headline)
  if (at < 0) return 0
  const before = stated.slice(0, at)
  const after = stated.slice(at + headline.length)
  const bounded = (s: string, end: boolean) =>
    s === '' || (end ? /^\s*(?:[|–—\-/·•:]{1,2}\s|\|)/ : /(?:\s[|–—\-/·•:]{1,2}|\|)\s*$/).test(s)
  return bounded(before, false) && bounded(after, true) ? 0.5 : 0
}

/** The title the candidates (in order of trust) agree on best; null when none is usable. */
export function chooseTitle(
  candidates: readonly TitleCandidate[],
  context: TitleContext,
): string | null {
  const usable = candidates
    .map((c) => ({ ...c, text: cleanTitle(c.text, context) }))
    .filter(
      (c) =>
        c.text !== '' &&
        c.text.length <= 400 &&
        !isBoilerplate(c.text) &&
        !context.siteKeys.has(nameKey(c.text)),
    )
  let best: { text: string; score: number } | null = null
  for (const candidate of usable) {
    const key = foldTitle(candidate.text)
    const score = usable.reduce((sum, c) => sum + c.weight * support(foldTitle(c.text), key), 0)
    // Ties go to the more trusted source, which comes first.
    if (!best || score > best.score) best = { text: candidate.text, score }
  }
  return best?.text ?? null
}
