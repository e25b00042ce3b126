/**
 * Publication dates, as written in datelines, bylines and metadata, read into ISO 8601 by
 * chrono-node's strict (formal dates only) parser.
 *
 * The result is the calendar date the publisher printed (YYYY-MM-DD), taken from the text of
 * a timestamp rather than converted to UTC: "2026-10-19T01:00+05:00" was published on the
 * 19th where it was published, and citations quote that date. Only complete dates count (a
 * year, a month and a day all written), and all-numeric dates only year first: "05/10/2018"
 * is May in the US and October in Britain, so the text alone cannot say which it is.
 */

import * as chrono from 'chrono-node'

/** A date found in a string: its ISO form and where it was written. */
export interface FoundDate {
  iso: string
  index: number
  length: number
}

/** Numeric dates whose order is unambiguous: the year first (2026-11-03, 2026/11/03). */
const YEAR_FIRST = /^\d{4}[-/.]\d{1,2}[-/.]\d{1,2}/
const HAS_MONTH_WORD = /\p{L}{3}/u

function isoDate(year: number, month: number, day: number): string | null {
  if (year < 1800 || year > 2200) return null
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`
}

/** The first date written in `text` ("November 3, 2026", "3 Nov 2026", "2026-11-03T..."). */
export function findDate(text: string): FoundDate | null {
  for (const result of chrono.strict.parse(text)) {
    const start = result.start
    if (!start.isCertain('year') || !start.isCertain('month') || !start.isCertain('day')) continue
    if (!YEAR_FIRST.test(result.text) && !HAS_MONTH_WORD.test(result.text)) continue
    const iso = isoDate(start.get('year') ?? 0, start.get('month') ?? 0, start.get('day') ?? 0)
    if (iso) return { iso, index: result.index, length: result.text.length }
  }
  return null
}

/**
 * A metadata value (meta tag, JSON-LD, PDF info) read as a date: anything findDate reads,
 * else what the JavaScript date parser makes of it.
 */
export function dateFromMetadata(value: string | null | undefined): string | null {
  if (!value) return null
  const found = findDate(value)
  if (found) return found.iso
  const parsed = Date.parse(value)
  if (Number.isNaN(parsed)) return null
  // Templates fill unset dates with placeholders ("0001-01-01T00:00:00Z"): not a date.
  const date = new Date(parsed)
  const year = date.getUTCFullYear()
  return year < 1800 || year > 2200 ? null : date.toISOString().slice(0, 10)
}
