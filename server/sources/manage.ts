/**
 * A briefing's sources after import: the source already imported with the same text (so a
 * second import opens it instead of adding a copy), the places the document uses a source
 * (so a source still cited is never removed), corrections to what a citation prints, and
 * removal. Functions of a Y.Doc that do no I/O; the routes run them on the server's edit path.
 */
import * as Y from 'yjs'
import { DOCUMENT_FRAGMENT } from '../../shared/schema/extensions'
import { CITE } from '../../shared/schema/marks/cite'
import { SOURCE_QUOTE } from '../../shared/schema/nodes/sourceQuoteAttrs'
import {
  getSource,
  listSources,
  removeSource,
  type Source,
  type SourceMetadataChanges,
  updateSourceMetadata,
} from '../../shared/sources'
import { type CitedAt, SourceInUseError, SourceNotFoundError } from './errors'

/** One place the document cites a source. */
export type SourceUse = CitedAt

/** The source of `doc` whose text has `contentHash`, if one was imported already. */
export function sourceWithContent(doc: Y.Doc, contentHash: string): Source | undefined {
  return listSources(doc).find((source) => source.contentHash === contentHash)
}

/**
 * Every place `doc` cites `sourceId`, in document order. Read from the Y.Doc's own tree (no
 * conversion to ProseMirror, which could rewrite what it reads): quote blocks are elements
 * with a `sourceId` attribute, cite marks formatting attributes on text, one use per
 * citationId however many text runs its passage spans.
 */
export function sourceUses(doc: Y.Doc, sourceId: string): SourceUse[] {
  const uses: SourceUse[] = []
  const passages = new Map<unknown, SourceUse>()
  const walk = (parent: Y.XmlFragment | Y.XmlElement) => {
    for (const child of parent.toArray()) {
      if (child instanceof Y.XmlElement) {
        if (child.nodeName === SOURCE_QUOTE) {
          if (child.getAttribute('sourceId') === sourceId) uses.push(quoteUse(child))
        } else walk(child)
      } else if (child instanceof Y.XmlText) {
        for (const op of child.toDelta() as { insert: unknown; attributes?: object }[]) {
          if (typeof op.insert !== 'string') continue
          for (const [key, value] of Object.entries(op.attributes ?? {})) {
            if (key !== CITE && !key.startsWith(`${CITE}--`)) continue
            const attrs = value as { sourceId?: unknown; citationId?: unknown } | null
            if (attrs?.sourceId !== sourceId) continue
            const known = passages.get(attrs.citationId)
            if (known) known.text += op.insert
            else {
              const use: SourceUse = { kind: 'citation', text: op.insert, speaker: null }
              passages.set(attrs.citationId ?? Symbol(), use)
              uses.push(use)
            }
          }
        }
      }
    }
  }
  walk(doc.getXmlFragment(DOCUMENT_FRAGMENT))
  return uses
}

function quoteUse(element: Y.XmlElement): SourceUse {
  const text = element.getAttribute('text')
  const speaker = element.getAttribute('speaker')
  return {
    kind: 'quote',
    text: typeof text === 'string' ? text : '',
    speaker: typeof speaker === 'string' && speaker.trim() !== '' ? speaker : null,
  }
}

/** Corrects the metadata of source `id`; throws SourceNotFoundError when there is none. */
export function correctSource(doc: Y.Doc, id: string, changes: SourceMetadataChanges): Source {
  const updated = updateSourceMetadata(doc, id, changes)
  if (!updated) throw new SourceNotFoundError(id)
  return updated
}

/**
 * Removes source `id` from `doc`. Throws SourceInUseError, naming each use, while a quote
 * block or citation still cites it; SourceNotFoundError when there is no such source.
 */
export function removeUnusedSource(doc: Y.Doc, id: string): Source {
  const source = getSource(doc, id)
  if (!source) throw new SourceNotFoundError(id)
  const uses = sourceUses(doc, id)
  if (uses.length > 0) throw new SourceInUseError(id, source.title, uses)
  removeSource(doc, id)
  return source
}
