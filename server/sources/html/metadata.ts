/**
 * Metadata of a web page: title, byline, publisher, publication date and canonical URL, from
 * schema.org JSON-LD, Open Graph and other meta tags, `<time>` and the page's own elements.
 * Each field has its own precedence (title.ts, publisher.ts, published.ts); this file gathers
 * what the page states and hands it to them.
 */

import type { SourceMetadata } from '../../../shared/sources/types'
import { isBoilerplate, publisherFromCopyright } from '../boilerplate'
import { findDate } from '../dates'
import { bylineNames } from '../header'
import { articleObject, type JsonObject, jsonLdNames, jsonLdObjects, text } from './jsonLd'
import { dottedDate, readPublished } from './published'
import { choosePublisher } from './publisher'
import { domainBrand, isDomainLike, nameKey, withoutAddress } from './siteNames'
import { chooseTitle, type TitleCandidate } from './title'

/** The page's meta tags, keyed by lower-cased name or property; first value wins. */
function metaTags(document: Document): Map<string, string> {
  const tags = new Map<string, string>()
  for (const meta of Array.from(document.querySelectorAll('meta'))) {
    const key = (
      meta.getAttribute('property') ??
      meta.getAttribute('name') ??
      meta.getAttribute('itemprop')
    )?.toLowerCase()
    const value = (meta.getAttribute('content') ?? meta.getAttribute('datetime'))?.trim()
    if (key && value && !tags.has(key)) tags.set(key, value)
  }
  return tags
}

function first(tags: Map<string, string>, keys: readonly string[]): string | null {
  for (const key of keys) {
    const value = tags.get(key)
    if (value) return value
  }
  return null
}

/** An absolute http(s) URL, resolving a relative one against the page's own address. */
function absoluteUrl(value: string | null, base: string | null): string | null {
  if (!value) return null
  try {
    const url = base ? new URL(value, base) : new URL(value)
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null
  } catch {
    return null
  }
}

function elementText(element: Element | null | undefined): string | null {
  const value = element?.textContent?.replace(/\s+/g, ' ').trim()
  return value ? value : null
}

const TRACKING_PARAMETER = /^(?:utm_\w+|fbclid|gclid|mc_cid|mc_eid|ocid|cmpid)$/i

/** A URL without the tracking parameters share links carry, which are not part of its identity. */
function withoutTracking(url: string | null): string | null {
  if (!url) return null
  const parsed = new URL(url)
  for (const key of [...parsed.searchParams.keys()]) {
    if (TRACKING_PARAMETER.test(key)) parsed.searchParams.delete(key)
  }
  return parsed.href
}

const AUTHOR_TAGS = [
  'author',
  'article:author',
  'article:author_name',
  'byl',
  'parsely-author',
  'sailthru.author',
  'dc.creator',
]
const TITLE_TAGS = [
  'og:title',
  'twitter:title',
  'twitter:text:title',
  'parsely-title',
  'title',
  'headline',
  'dc.title',
]

/**
 * The owner named in the page's copyright line: a meta tag, else the page's lines. A page may
 * carry other owners' lines (a wire story's licence); the site's own names its domain, or is
 * the last one, in the footer.
 */
function copyrightOwner(document: Document, tags: Map<string, string>, brand: string | null) {
  const tag = first(tags, ['copyright', 'dc.rights', 'dcterms.rights'])
  // "© 2026 Deutsche Welle (www.dw.com)": the address's dots would end the owner's name early.
  const owner = (line: string) => publisherFromCopyright(withoutAddress(line))
  const fromTag = tag ? owner(/©|copyright/i.test(tag) ? tag : `© ${tag}`) : null
  if (fromTag) return fromTag
  const lines = (document.body?.textContent ?? '').match(/(?:©|\(c\)|copyright)[^\n]{2,120}/gi)
  const owners = (lines ?? [])
    .map(owner)
    .filter((name): name is string => !!name && /\p{L}{2}/u.test(name))
  const key = brand ? nameKey(brand) : null
  return (key ? owners.find((o) => nameKey(o).includes(key)) : undefined) ?? owners.at(-1) ?? null
}

/** The title's last segment after a separator, where sites put their name ("... | Herald Sun"). */
function titleSuffix(title: string | null): string | null {
  const parts = title?.replace(/\s+/g, ' ').split(/\s+[|–—\-/·•]\s+|\s*\|\s*/) ?? []
  return parts.length > 1 ? (parts.at(-1)?.trim() ?? null) : null
}

/** The byline: named people, never the site, its publisher or a copyright holder. */
function readByline(
  document: Document,
  tags: Map<string, string>,
  article: JsonObject | null,
  notPeople: ReadonlySet<string>,
): string | null {
  const isPerson = (name: string | null): name is string =>
    !!name &&
    !/^https?:|^@|www\./i.test(name) &&
    !isDomainLike(name) &&
    !notPeople.has(nameKey(name))
  const people = jsonLdNames(article?.author, { people: true }).filter(isPerson)
  if (people.length > 0) return [...new Set(people)].join(', ')
  for (const key of AUTHOR_TAGS) {
    const name = bylineNames(tags.get(key) ?? '')
    if (isPerson(name)) return name
  }
  const marked = Array.from(document.querySelectorAll('[rel="author"], [itemprop="author"]'))
    .map((element) => bylineNames(elementText(element) ?? ''))
    .filter(isPerson)
  if (marked.length > 0) return [...new Set(marked)].join(', ')
  const shown = bylineNames(
    elementText(document.querySelector('.byline .author, .author-name, .byline')) ?? '',
  )
  return isPerson(shown) ? shown : null
}

function readCanonical(document: Document, tags: Map<string, string>, article: JsonObject | null) {
  const mainEntity = article?.mainEntityOfPage
  return (
    document.querySelector('link[rel="canonical"]')?.getAttribute('href') ??
    first(tags, ['og:url', 'twitter:url']) ??
    text(article?.url) ??
    (mainEntity && typeof mainEntity === 'object'
      ? text((mainEntity as JsonObject)['@id'])
      : text(mainEntity))
  )
}

/** A date the `<title>` carries as a segment of its own ("... | DW | 19.01.2020"). */
function titleDate(title: string | null): string | null {
  for (const segment of title?.split(/\s+[|–—\-/·•]\s+|\s*\|\s*/).slice(1) ?? []) {
    const date = dottedDate(segment) ?? findDate(segment)?.iso
    if (date && segment.trim().length <= 20) return date
  }
  return null
}

/**
 * The first heading of the article, else of the page, that is not a label: an "ADVERTISEMENT"
 * slot or a "Skip to content" link may come first.
 */
function firstHeading(document: Document): string | null {
  for (const heading of [
    ...Array.from(document.querySelectorAll('article h1')),
    ...Array.from(document.querySelectorAll('h1')),
  ]) {
    const value = elementText(heading)
    if (value && !isBoilerplate(value)) return value
  }
  return null
}

/** Reads the page's metadata. `pageUrl` is where it was fetched from, if anywhere. */
export function readHtmlMetadata(document: Document, pageUrl: string | null): SourceMetadata {
  const tags = metaTags(document)
  const objects = jsonLdObjects(document)
  const article = articleObject(objects)
  const titleTag = elementText(document.querySelector('title'))
  const url = withoutTracking(
    absoluteUrl(readCanonical(document, tags, article), pageUrl) ?? absoluteUrl(pageUrl, null),
  )
  // Some pages put their headline in application-name: a stated title is no site name.
  const statedTitles = new Set(TITLE_TAGS.map((k) => nameKey(tags.get(k) ?? '')).filter(Boolean))
  const siteNames = [
    tags.get('og:site_name') ?? null,
    jsonLdNames(article?.publisher)[0] ?? null,
    tags.get('application-name') ?? null,
  ].map((name) => (name && !statedTitles.has(nameKey(name)) ? name : null))
  const publisherTags = [tags.get('publisher') ?? null, tags.get('dc.publisher') ?? null]
  const owner = copyrightOwner(document, tags, url ? domainBrand(url) : null)
  const siteKeys = new Set(
    [...siteNames, ...publisherTags, owner, url ? domainBrand(url) : null]
      .filter((n): n is string => !!n)
      .map(withoutAddress)
      .filter((n): n is string => !!n)
      .map(nameKey),
  )
  // The publisher first: a title suffix it was read from is a site name the title loses.
  const publisher = choosePublisher({
    siteNames,
    publisherTags,
    titleSuffix: titleSuffix(titleTag),
    copyrightOwner: owner,
    title: first(tags, TITLE_TAGS) ?? text(article?.headline) ?? titleTag,
  })
  if (publisher) siteKeys.add(nameKey(publisher))
  const byline = readByline(document, tags, article, siteKeys)
  const candidates: TitleCandidate[] = [
    { text: text(article?.headline) ?? '', weight: 1 },
    ...TITLE_TAGS.map((key) => ({ text: tags.get(key) ?? '', weight: 1 })),
    { text: titleTag ?? '', weight: 1 },
    { text: firstHeading(document) ?? '', weight: 0.8 },
  ]
  const title = chooseTitle(candidates, { siteKeys, authors: byline ? byline.split(', ') : [] })
  return {
    title,
    byline,
    publisher,
    publishedAt: readPublished(document, tags, article, url, titleDate(titleTag)),
    url,
  }
}
