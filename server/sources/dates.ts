/**
 * Publication dates, as written in datelines, bylines and metadata, read into ISO 8601.
 *
 * The result is the calendar date the publisher printed (YYYY-MM-DD), taken from the text of
 * a timestamp rather than converted to UTC: "2026-10-19T01:00+05:00" was published on the
 * 19th where it was published, and citations quote that date.
 */

const MONTHS: Readonly<Record<string, number>> = {
  jan: 1,
  january: 1,
  feb: 2,
  february: 2,
  mar: 3,
  march: 3,
  apr: 4,
  april: 4,
  may: 5,
  jun: 6,
  june: 6,
  jul: 7,
  july: 7,
  aug: 8,
  august: 8,
  sep: 9,
  sept: 9,
  september: 9,
  oct: 10,
  october: 10,
  nov: 11,
  november: 11,
  dec: 12,
  december: 12,
}
const MONTH = Object.keys(MONTHS)
  .sort((a, b) => b.length - a.length)
  .join('|')

const ISO =
  /\b(\d{4})-(\d{2})-(\d{2})(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?\s*(?:Z|[+-]\d{2}:?\d{2})?)?/
const MONTH_DAY_YEAR = new RegExp(
  `\\b(${MONTH})\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})\\b`,
  'i',
)
const DAY_MONTH_YEAR = new RegExp(
  `\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+(${MONTH})\\.?,?\\s+(\\d{4})\\b`,
  'i',
)

/** A date found in a string: its ISO form and where it was written. */
export interface FoundDate {
  iso: string
  index: number
  length: number
}

function isoDate(year: number, month: number, day: number): string | null {
  const date = new Date(Date.UTC(year, month - 1, day))
  if (
    date.getUTCFullYear() !== year ||
    date.getUTCMonth() !== month - 1 ||
    date.getUTCDate() !== day
  ) {
    return null
  }
  if (year < 1800 || year > 2200) return null
  return date.toISOString().slice(0, 10)
}

/** The first date written in `text` ("November 3, 2026", "3 Nov 2026", "2026-11-03T..."). */
export function findDate(text: string): FoundDate | null {
  const candidates: FoundDate[] = []
  const iso = ISO.exec(text)
  if (iso) {
    const value = isoDate(Number(iso[1]), Number(iso[2]), Number(iso[3]))
    if (value) candidates.push({ iso: value, index: iso.index, length: iso[0].length })
  }
  const mdy = MONTH_DAY_YEAR.exec(text)
  if (mdy) {
    const month = MONTHS[(mdy[1] ?? '').toLowerCase()] ?? 0
    const value = isoDate(Number(mdy[3]), month, Number(mdy[2]))
    if (value) candidates.push({ iso: value, index: mdy.index, length: mdy[0].length })
  }
  const dmy = DAY_MONTH_YEAR.exec(text)
  if (dmy) {
    const month = MONTHS[(dmy[2] ?? '').toLowerCase()] ?? 0
    const value = isoDate(Number(dmy[3]), month, Number(dmy[1]))
    if (value) candidates.push({ iso: value, index: dmy.index, length: dmy[0].length })
  }
  return candidates.sort((a, b) => a.index - b.index)[0] ?? null
}

/**
 * A metadata value (meta tag, JSON-LD, PDF info) read as a date. Formats the patterns above
 * miss ("Mon, 19 Oct 2026 08:30:00 GMT" is caught; odd ones fall back to Date.parse).
 */
export function dateFromMetadata(value: string | null | undefined): string | null {
  if (!value) return null
  const found = findDate(value)
  if (found) return found.iso
  const parsed = Date.parse(value)
  return Number.isNaN(parsed) ? null : new Date(parsed).toISOString().slice(0, 10)
}
