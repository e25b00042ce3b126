/**
 * Refuses document updates that introduce content the briefing schema does not know: an
 * element whose node type is not in the schema, or text formatting with an unknown mark.
 * Such content would be dropped or rewritten by every editor that loads it, so it is stopped
 * at the edge, before it is stored. Checked on the update's own structs, without the
 * document, so it costs a decode per update, not a document conversion.
 */
import type { Schema } from '@tiptap/pm/model'
import * as Y from 'yjs'
import { InvalidContentError } from './errors'
import type { ItemCheck } from './updateCheck'

/** y-prosemirror names overlapping marks `name--hash`; the schema knows only `name`. */
function markName(key: string): string {
  const cut = key.indexOf('--')
  return cut === -1 ? key : key.slice(0, cut)
}

export function schemaGuard(schema: Schema): ItemCheck {
  const nodes = new Set(
    Object.keys(schema.nodes).filter((name) => name !== 'doc' && name !== 'text'),
  )
  const marks = new Set(Object.keys(schema.marks))
  return (item) => {
    {
      const content = item.content
      if (content instanceof Y.ContentType) {
        const type = content.type
        if (type instanceof Y.XmlElement && !nodes.has(type.nodeName)) {
          throw new InvalidContentError(
            `update adds a "${type.nodeName.slice(0, 40)}" node the schema does not have`,
          )
        }
        if (type instanceof Y.XmlHook)
          throw new InvalidContentError('update adds an XML hook the schema does not have')
      } else if (content instanceof Y.ContentFormat && !marks.has(markName(content.key))) {
        throw new InvalidContentError(
          `update formats text with a "${content.key.slice(0, 40)}" mark the schema does not have`,
        )
      }
    }
  }
}
