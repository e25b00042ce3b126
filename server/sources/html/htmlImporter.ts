/**
 * Web pages: metadata from the head, the article body from @mozilla/readability running over
 * linkedom. Page chrome and named furniture are removed first, so readability scores the
 * story rather than its surroundings; link-only blocks are removed from what it returns. A
 * page readability cannot make sense of falls back to the text of its main content area.
 */

import { Readability } from '@mozilla/readability'
import { parseHTML } from 'linkedom'
import type { ImportedDocument, SourceKind } from '../../../shared/sources/types'
import { assembleDocument } from '../assemble'
import { htmlParagraphs } from './blocks'
import { removeChrome } from './cleanup'
import { removeLinkBlocks, removeNamedFurniture } from './furniture'
import { readHtmlMetadata } from './metadata'
import { nameKey, withoutAddress } from './siteNames'

/** Options for importing a web page. */
export interface HtmlImportOptions {
  /** Where the page was fetched from: a fallback URL and the base for relative links. */
  pageUrl?: string | null
  kind?: SourceKind
}

function parse(html: string): Document {
  return parseHTML(html).document as unknown as Document
}

/** The element holding the article body: readability's pick, else the main content area. */
function articleRoot(document: Document): {
  root: Element | null
  article: ReturnType<Readability<Node>['parse']>
} {
  removeChrome(document)
  if (document.body) removeNamedFurniture(document.body)
  const article = new Readability<Node>(document.cloneNode(true) as Document, {
    serializer: (node) => node,
    keepClasses: true,
  }).parse()
  const root =
    (article?.content as Element | null | undefined) ??
    document.querySelector('article, main, [role="main"], [itemprop="articleBody"]') ??
    document.body
  if (root) removeLinkBlocks(root)
  return { root, article }
}

/** Imports an HTML page. */
export function importHtml(html: string, options: HtmlImportOptions = {}): ImportedDocument {
  const metadata = readHtmlMetadata(parse(html), options.pageUrl ?? null)
  const { root, article } = articleRoot(parse(html))
  const paragraphs = root ? htmlParagraphs(root) : []
  return assembleDocument({
    paragraphs,
    metadata: {
      ...metadata,
      title: metadata.title ?? article?.title ?? null,
      // Readability reads bylines from JSON-LD too, where a site may name itself the author.
      byline:
        metadata.byline ??
        (article?.byline &&
        nameKey(withoutAddress(article.byline)) !== nameKey(metadata.publisher ?? '')
          ? article.byline
          : null),
      publisher: metadata.publisher ?? article?.siteName ?? null,
    },
    kind: options.kind,
    fallbackKind: 'article',
  })
}
