/** How sources are named and described in the interface: titles, kinds, dates, citations. */
import type { Source, SourceKind } from '../../../shared/sources'

/** Singular labels for each kind of source, in the order the paste form offers them. */
export const SOURCE_KIND_LABELS: Readonly<Record<SourceKind, string>> = {
  article: 'Article',
  transcript: 'Transcript',
  statement: 'Statement',
  document: 'Document',
}

/** The source's title, or the best stand-in: its web address's host, then a generic name. */
export function sourceTitle(source: Pick<Source, 'title' | 'url'>): string {
  const title = source.title?.trim()
  if (title) return title
  const host = urlHost(source.url)
  return host ?? 'Untitled source'
}

/** The host of `url` without `www.`, or null when it is not a web address. */
export function urlHost(url: string | null): string | null {
  if (!url) return null
  try {
    return new URL(url).hostname.replace(/^www\./, '') || null
  } catch {
    return null
  }
}

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/

/**
 * A publication date as people write it ("3 Nov 2026"). Date-only values are shown as that
 * calendar day everywhere, rather than shifted by the reader's time zone; unparseable values
 * are shown as given rather than dropped, since the source said them.
 */
function formatSourceDate(iso: string | null, locale?: string): string | null {
  if (!iso) return null
  const dateOnly = DATE_ONLY.test(iso)
  const date = new Date(dateOnly ? `${iso}T00:00:00Z` : iso)
  if (Number.isNaN(date.getTime())) return iso
  return new Intl.DateTimeFormat(locale ?? 'en-GB', {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    ...(dateOnly ? { timeZone: 'UTC' } : {}),
  }).format(date)
}

/** "Meridian Wire · 3 Nov 2026", leaving out what the source does not say. */
export function sourceByline(source: Pick<Source, 'publisher' | 'publishedAt' | 'url'>): string {
  const publisher = source.publisher?.trim() || urlHost(source.url)
  return [publisher, formatSourceDate(source.publishedAt)].filter(Boolean).join(' \u00b7 ')
}

/** "1 quote", "14 quotes". */
export function quoteCount(n: number): string {
  return `${n} ${n === 1 ? 'quote' : 'quotes'}`
}

/**
 * The parts of a source's entry in the sources list, in the order a reference is read:
 * author, title, publisher, date, address. Empty parts are left out.
 */
export function citationParts(source: Source): {
  byline: string | null
  title: string
  publisher: string | null
  date: string | null
  url: string | null
} {
  return {
    byline: source.byline?.trim() || null,
    title: sourceTitle(source),
    publisher: source.publisher?.trim() || null,
    date: formatSourceDate(source.publishedAt),
    url: source.url,
  }
}
