/**
 * Metadata of a web page: title, byline, publisher, publication date and canonical URL, from
 * (in order of trust) Open Graph and article meta tags, schema.org JSON-LD, other common meta
 * names, and the page's own elements.
 */

import type { SourceMetadata } from '../../../shared/sources/types'
import { dateFromMetadata } from '../dates'
import { bylineNames } from '../header'

type JsonObject = Record<string, unknown>

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

/** JSON-LD objects of the page, flattened out of arrays and @graph. Malformed blocks are skipped. */
function jsonLd(document: Document): JsonObject[] {
  const objects: JsonObject[] = []
  const visit = (value: unknown) => {
    if (Array.isArray(value)) value.forEach(visit)
    else if (value && typeof value === 'object') {
      objects.push(value as JsonObject)
      const graph = (value as JsonObject)['@graph']
      if (graph) visit(graph)
    }
  }
  for (const script of Array.from(
    document.querySelectorAll('script[type="application/ld+json"]'),
  )) {
    try {
      visit(JSON.parse(script.textContent ?? ''))
    } catch {
      // Broken JSON-LD is common on real pages and is simply not a source of metadata.
    }
  }
  return objects
}

const ARTICLE_TYPES = /Article|BlogPosting|Report|WebPage|NewsArticle|PressRelease|Statement/

function articleObject(objects: JsonObject[]): JsonObject | null {
  const typed = (o: JsonObject) =>
    [o['@type']].flat().some((t) => typeof t === 'string' && ARTICLE_TYPES.test(t))
  return (
    objects.find((o) => typed(o) && /Article|Posting|Report/.test(String(o['@type']))) ??
    objects.find(typed) ??
    null
  )
}

/** A name out of a JSON-LD person/organisation value (string, object or array of them). */
function names(value: unknown): string | null {
  const list = [value].flat().map((v) => {
    if (typeof v === 'string') return v
    if (v && typeof v === 'object' && typeof (v as JsonObject).name === 'string')
      return (v as JsonObject).name as string
    return null
  })
  const found = list.filter((n): n is string => !!n && !/^https?:/.test(n))
  return found.length > 0 ? found.join(', ') : null
}

function text(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : null
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

function elementText(document: Document, selector: string): string | null {
  const value = document.querySelector(selector)?.textContent?.replace(/\s+/g, ' ').trim()
  return value ? value : null
}

/** A `<title>` split into the headline and a trailing " | Site name", if it has one. */
function titleParts(title: string | null): { headline: string | null; site: string | null } {
  if (!title) return { headline: null, site: null }
  const parts = title.split(/\s+[|–—-]\s+/)
  const site = parts.length > 1 ? (parts.at(-1) ?? null) : null
  if (!site || site.split(' ').length > 5) return { headline: title, site: null }
  return { headline: parts.slice(0, -1).join(' - '), site }
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

/** The authors the page marks up as such, each once. */
function markedAuthors(document: Document): string | null {
  const authors = Array.from(document.querySelectorAll('[rel="author"], [itemprop="author"]'))
    .map((element) => bylineNames(element.textContent?.replace(/\s+/g, ' ').trim() ?? ''))
    .filter((name): name is string => !!name)
  return authors.length > 0 ? [...new Set(authors)].join(', ') : null
}

const AUTHOR_TAGS = [
  'author',
  'article:author',
  'byl',
  'parsely-author',
  'sailthru.author',
  'dc.creator',
]
const SITE_TAGS = ['og:site_name', 'application-name', 'publisher', 'dc.publisher']
const DATE_TAGS = [
  'article:published_time',
  'datepublished',
  'og:published_time',
  'pubdate',
  'publishdate',
  'publish-date',
  'publication_date',
  'date',
  'dc.date',
  'dc.date.issued',
  'dcterms.created',
  'parsely-pub-date',
  'sailthru.date',
]

function readByline(document: Document, tags: Map<string, string>, article: JsonObject | null) {
  const tag = first(tags, AUTHOR_TAGS)
  return (
    (tag && !/^https?:/.test(tag) ? bylineNames(tag) : null) ??
    names(article?.author) ??
    markedAuthors(document) ??
    bylineNames(elementText(document, '.byline .author, .author-name, .byline') ?? '')
  )
}

function readPublished(document: Document, tags: Map<string, string>, article: JsonObject | null) {
  const value =
    first(tags, DATE_TAGS) ??
    text(article?.datePublished) ??
    document
      .querySelector('article time[datetime], time[pubdate], time[datetime]')
      ?.getAttribute('datetime')
  return dateFromMetadata(value)
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

/** Reads the page's metadata. `pageUrl` is where it was fetched from, if anywhere. */
export function readHtmlMetadata(document: Document, pageUrl: string | null): SourceMetadata {
  const tags = metaTags(document)
  const article = articleObject(jsonLd(document))
  const { headline, site } = titleParts(elementText(document, 'title'))
  const canonical = readCanonical(document, tags, article)
  return {
    title:
      first(tags, ['og:title', 'twitter:title']) ??
      text(article?.headline) ??
      headline ??
      elementText(document, 'h1'),
    byline: readByline(document, tags, article),
    publisher: first(tags, SITE_TAGS) ?? names(article?.publisher) ?? site,
    publishedAt: readPublished(document, tags, article),
    url: withoutTracking(absoluteUrl(canonical, pageUrl) ?? absoluteUrl(pageUrl, null)),
  }
}
