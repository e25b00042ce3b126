/**
 * Verifying every quote block in a document at once: for the server before export, and for
 * spotting quotes whose attributes were changed by a raw Y.Doc update that bypassed the
 * editor's commands. Reads the stored attributes without a schema, so a tampered or
 * malformed block is reported rather than making the whole document unreadable.
 */
import type { Node as ProseMirrorNode } from '@tiptap/pm/model'
import { yXmlFragmentToProsemirrorJSON } from '@tiptap/y-tiptap'
import * as Y from 'yjs'
import { type DocumentInput, forEachCitation } from '../citations/walk'
import { DOCUMENT_FRAGMENT } from '../schema/extensions'
import { getSource } from '../sources/sourcesMap'
import type { Source } from '../sources/types'
import type { TextPositionSelector, TextQuoteSelector } from './selectors'
import { QUOTE_STATUSES, type QuoteStatus, quoteStatus } from './status'
import { createQuoteVerifier } from './verify'

/** Where to find sources: a map or lookup function. */
export type SourceLookup = ReadonlyMap<string, Source> | ((id: string) => Source | undefined)

const severity = (status: QuoteStatus) => QUOTE_STATUSES.indexOf(status.status)

/**
 * The status (./status) of every sourceQuote in `doc`, keyed by quoteId. With a Y.Doc and no `sources`,
 * sources are read from the same Y.Doc. Two blocks sharing a quoteId (which the editor
 * prevents, but a raw update can create) report the worse of their verdicts.
 */
export function verifyDocumentQuotes(
  doc: Y.Doc | DocumentInput,
  sources?: SourceLookup,
): Map<string, QuoteStatus> {
  const ydoc = doc instanceof Y.Doc ? doc : null
  const content: DocumentInput = ydoc
    ? (yXmlFragmentToProsemirrorJSON(ydoc.getXmlFragment(DOCUMENT_FRAGMENT)) as DocumentInput)
    : (doc as ProseMirrorNode | DocumentInput)
  const lookup = toLookup(sources, ydoc)
  const verifier = createQuoteVerifier()
  const results = new Map<string, QuoteStatus>()
  let unnamed = 0
  forEachCitation(content, (citation) => {
    if (citation.kind !== 'quote') return
    const { attrs } = citation
    const quoteId = typeof attrs.quoteId === 'string' ? attrs.quoteId : `(no quoteId #${++unnamed})`
    // Malformed selectors are passed on as-is: verification ignores what it cannot use.
    const source = typeof attrs.sourceId === 'string' ? lookup(attrs.sourceId) : undefined
    const result =
      typeof attrs.sourceId === 'string' && typeof attrs.text === 'string'
        ? quoteStatus(
            verifier.verify(source, {
              text: attrs.text,
              selector: attrs.selector as TextQuoteSelector | null,
              position: attrs.position as TextPositionSelector | null,
            }),
            source,
            attrs,
          )
        : malformed(attrs)
    const previous = results.get(quoteId)
    if (!previous || severity(result) > severity(previous)) results.set(quoteId, result)
  })
  return results
}

function malformed(attrs: Record<string, unknown>): QuoteStatus {
  const segment = typeof attrs.text === 'string' ? attrs.text : ''
  return { status: 'altered', differences: [{ segment, reason: 'malformed' }] }
}

function toLookup(sources: SourceLookup | undefined, ydoc: Y.Doc | null) {
  if (typeof sources === 'function') return sources
  if (sources) return (id: string) => sources.get(id)
  if (ydoc) return (id: string) => getSource(ydoc, id)
  return () => undefined
}
