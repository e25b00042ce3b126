/**
 * Portion marks in an export: the mark printed at the start of each paragraph and heading
 * (its own, else the nearest marked block around it, else the briefing's default), and the
 * banner printed on every page: the roll-up of every portion. A document-level marking (the
 * older, typed setting) is printed instead only when it covers the roll-up; one lower than the
 * roll-up, or not of the scheme, gives way to the roll-up with a warning, so no file is ever
 * marked lower than what it holds.
 */
import type { Node as ProseMirrorNode } from '@tiptap/pm/model'
import type { MarkingSetup } from '../../../shared/markings/briefingScheme'
import { bannerOf, portionsOf, readPortion } from '../../../shared/markings/portion'
import { MARKING_ATTR } from '../../../shared/markings/portionShape'
import { covers } from '../../../shared/markings/rollUp'
import { formatBanner, formatPortion, parseMarking } from '../../../shared/markings/text'
import type { Marking } from '../../../shared/markings/types'

export class PortionMarks {
  constructor(
    private readonly setup: MarkingSetup,
    private readonly warn: (message: string) => void,
  ) {}

  /** The marking `node` passes to what it holds: its own, or `inherited`. */
  inside(node: ProseMirrorNode, inherited: Marking | null): Marking | null {
    const stored = node.attrs[MARKING_ATTR]
    if (typeof stored !== 'string') return inherited
    try {
      return readPortion(this.setup.scheme, stored)
    } catch (err) {
      this.warn(`portion mark ignored: ${(err as Error).message}`)
      return inherited
    }
  }

  /** The portion mark printed at the start of `node`. */
  prefix(node: ProseMirrorNode, inherited: Marking | null): string {
    const marking = this.inside(node, inherited) ?? this.setup.portionDefault
    return formatPortion(this.setup.scheme, marking)
  }

  /** The banner for every page, given the typed document-level marking (or null). */
  banner(doc: ProseMirrorNode, typed: string | null): string | null {
    const { scheme, portionDefault } = this.setup
    const rolled = bannerOf(scheme, portionsOf(doc, scheme, portionDefault).portions)
    if (!rolled.ok) {
      this.warn(`no banner could be rolled up: ${rolled.reason}`)
      return typed
    }
    const banner = formatBanner(scheme, rolled.marking)
    if (typed === null) return banner
    let stated: Marking
    try {
      stated = parseMarking(scheme, typed)
    } catch {
      this.warn(
        `the document marking "${typed}" is not a marking of ${scheme.name}; exported with the portions' roll-up, ${banner}`,
      )
      return banner
    }
    if (covers(scheme, stated, rolled.marking)) return formatBanner(scheme, stated)
    this.warn(
      `the document marking "${typed}" is lower than the portions' roll-up; exported as ${banner}`,
    )
    return banner
  }
}
