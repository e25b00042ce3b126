/**
 * What the search index holds of a briefing's Y.Doc: the text of its body, read through the
 * shared schema as /content and exports read it (so a part the editor does not show is not
 * found either), and each source's title and text.
 */
import type { Schema } from '@tiptap/pm/model'
import type * as Y from 'yjs'
import { sourceBody } from '../../shared/sources/body'
import { listSources } from '../../shared/sources/sourcesMap'
import { readDocumentBody } from '../content/render'
import type { BriefingText } from '../store/search/searchIndex'

/** Blocks are separated by a newline, so words of adjacent paragraphs never run together. */
export function briefingText(doc: Y.Doc, schema: Schema): BriefingText {
  const { node } = readDocumentBody(doc, schema)
  return {
    body: node.textBetween(0, node.content.size, '\n', ' '),
    sources: listSources(doc).map((source) => ({
      id: source.id,
      title: source.title ?? '',
      body: sourceBody(source.paragraphs),
    })),
  }
}
