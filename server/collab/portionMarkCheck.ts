/**
 * Refuses a portion mark (a block's `marking` attribute) that is not a marking of the
 * briefing's scheme, as an unknown node is refused. The schema checks only a mark's shape, as
 * it knows no briefing; the scheme is in the room's own settings map, read at each check so a
 * scheme change applies to the next update. A mark set in the same update as a scheme change
 * is judged by the scheme the room already has: the editor never sends the two together.
 */
import type { NodeType } from '@tiptap/pm/model'
import type * as Y from 'yjs'
import { settingsMap } from '../../shared/briefing/settings'
import { readMarkingScheme } from '../../shared/markings/briefingScheme'
import { readPortion } from '../../shared/markings/portion'
import { MARKED_BLOCKS, MARKING_ATTR } from '../../shared/markings/portionShape'

export class PortionMarkCheck {
  constructor(private readonly doc: Y.Doc) {}

  /** Throws a MarkingError naming the mark unless `value`, set as `name` on a `type`, is valid. */
  checkAttr(type: NodeType, name: string, value: unknown): void {
    if (name !== MARKING_ATTR || typeof value !== 'string') return
    if (!MARKED_BLOCKS.includes(type.name)) return
    readPortion(readMarkingScheme(settingsMap(this.doc)).scheme, value)
  }

  /** `checkAttr` for the attributes of a new element. */
  checkAttrs(type: NodeType, attrs: Record<string, unknown>): void {
    if (Object.hasOwn(attrs, MARKING_ATTR)) this.checkAttr(type, MARKING_ATTR, attrs[MARKING_ATTR])
  }
}
