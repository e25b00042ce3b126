/**
 * When a page was published, in order of trust: the article's publication meta tags and
 * JSON-LD datePublished, `<time>` elements marked as the publication time, then a date shown
 * in the title ("... | DW | 19.01.2020"), then a date shown in an element named for dates. Modification dates (article:modified_time, dateModified,
 * og:updated_time, "updated" timestamps) are never taken for it. A timestamp in UTC may fall on
 * the next calendar day; when the page's address carries the date the publisher filed it
 * under, one day apart, the address's date is the publisher's own.
 */

import { dateFromMetadata, findDate } from '../dates'
import { type JsonObject, text } from './jsonLd'

const PUBLISHED_TAGS = [
  'article:published_time',
  'og:published_time',
  'article:publicationdate',
  'parsely-pub-date',
  'sailthru.date',
  'dc.date.issued',
  'dcterms.issued',
  'dcterms.created',
  'datepublished',
  'pubdate',
  'publishdate',
  'publish-date',
  'publication_date',
  'dc.date',
  'date',
]

const MODIFIED = /updat|modif|revis|edited/i

function fromTimeElements(document: Document): string | null {
  const marked = document.querySelector(
    'time[pubdate], time[itemprop="datePublished"], [itemprop="datePublished"][datetime], [itemprop="datePublished"][content]',
  )
  const markedValue = marked?.getAttribute('datetime') ?? marked?.getAttribute('content')
  if (markedValue) return dateFromMetadata(markedValue)
  for (const time of Array.from(
    document.querySelectorAll('article time[datetime], time[datetime]'),
  )) {
    const context = `${time.getAttribute('class') ?? ''} ${time.parentElement?.getAttribute('class') ?? ''} ${time.textContent ?? ''}`
    if (MODIFIED.test(context)) continue
    const value = dateFromMetadata(time.getAttribute('datetime'))
    if (value) return value
  }
  return null
}

/** Class names of elements showing a date ("post_datetimes", "datestamp", "published-at"). */
const DATE_NAMED = /date|timestamp|published/i
const DOTTED = /\b(\d{1,2})\.(\d{1,2})\.(\d{4})\b/

/** A date shown in an element whose class names it a date ("19.01.2020", "March 13, 2015"). */
function fromShownDate(document: Document): string | null {
  for (const element of Array.from(document.querySelectorAll('[class]'))) {
    const names = element.getAttribute('class') ?? ''
    if (!DATE_NAMED.test(names) || MODIFIED.test(names)) continue
    const shown = (element.textContent ?? '').replace(/\s+/g, ' ').trim()
    if (shown === '' || shown.length > 120 || MODIFIED.test(shown)) continue
    const found = findDate(shown)?.iso ?? dottedDate(shown)
    if (found) return found
  }
  return null
}

/** "19.01.2020": the day-month-year order written with dots in most of Europe. */
export function dottedDate(shown: string): string | null {
  const match = DOTTED.exec(shown)
  if (!match) return null
  const [, day, month, year] = match
  return dateFromMetadata(`${year}-${month?.padStart(2, '0')}-${day?.padStart(2, '0')}`)
}

/** The date in a URL's path ("/2023/01/16/letters-1119/"). */
function urlDate(url: string | null): string | null {
  const match = url ? /\/((?:19|20)\d\d)\/(\d\d)\/(\d\d)\//.exec(url) : null
  return match ? dateFromMetadata(`${match[1]}-${match[2]}-${match[3]}`) : null
}

const DAY = 24 * 60 * 60 * 1000
const UTC = /T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?\s*(?:Z|[+-]00:?00)$/i

/** The publication date of the page, YYYY-MM-DD, or null. */
export function readPublished(
  document: Document,
  tags: ReadonlyMap<string, string>,
  article: JsonObject | null,
  url: string | null,
  titleDate: string | null,
): string | null {
  let stated: string | null = null
  let found: string | null = null
  for (const value of [text(article?.datePublished), ...PUBLISHED_TAGS.map((k) => tags.get(k))]) {
    found = dateFromMetadata(value)
    stated = value ?? null
    if (found) break
  }
  found ??= fromTimeElements(document) ?? titleDate ?? fromShownDate(document)
  const filed = urlDate(url)
  if (!found) return filed
  // A UTC timestamp a day after the date the page is filed under is the same local day.
  if (filed && stated && UTC.test(stated.trim()) && Date.parse(found) - Date.parse(filed) === DAY)
    return filed
  return found
}
