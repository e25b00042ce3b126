/**
 * Web pages: metadata from the head, the article body from @mozilla/readability running over
 * linkedom, with page chrome removed first. A page readability cannot make sense of falls back
 * to the text of its main content area.
 */

import { Readability } from '@mozilla/readability'
import { parseHTML } from 'linkedom'
import type { ImportedDocument, SourceKind } from '../../../shared/sources/types'
import { assembleDocument } from '../assemble'
import { htmlParagraphs } from './blocks'
import { removeChrome } from './cleanup'
import { readHtmlMetadata } from './metadata'

/** Options for importing a web page. */
export interface HtmlImportOptions {
  /** Where the page was fetched from: a fallback URL and the base for relative links. */
  pageUrl?: string | null
  kind?: SourceKind
}

function parse(html: string): Document {
  return parseHTML(html).document as unknown as Document
}

/** Imports an HTML page. */
export function importHtml(html: string, options: HtmlImportOptions = {}): ImportedDocument {
  const metadata = readHtmlMetadata(parse(html), options.pageUrl ?? null)
  const document = parse(html)
  removeChrome(document)
  const article = new Readability<Node>(document.cloneNode(true) as Document, {
    serializer: (node) => node,
  }).parse()
  const root =
    article?.content ??
    document.querySelector('article, main, [role="main"], [itemprop="articleBody"]') ??
    document.body
  const paragraphs = root ? htmlParagraphs(root) : []
  return assembleDocument({
    paragraphs,
    metadata: {
      ...metadata,
      title: metadata.title ?? article?.title ?? null,
      byline: metadata.byline ?? article?.byline ?? null,
      publisher: metadata.publisher ?? article?.siteName ?? null,
    },
    kind: options.kind,
    fallbackKind: 'article',
  })
}
