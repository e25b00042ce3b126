/**
 * Portion marks read against a briefing's scheme: one stored key (portionShape.ts) as a
 * marking, every marked block of a document as its portions, and their banner.
 */
import { MARKED_BLOCKS, MARKING_ATTR } from './portionShape'
import { rollUp } from './rollUp'
import { MarkingError, markingKey, parseMarking } from './text'
import type { Marking, MarkingScheme } from './types'

/**
 * The marking a stored key stands for in `scheme`. Throws a MarkingError naming the problem
 * when it is not one of the scheme's, or not written the way the editor writes it (one
 * marking, one key: "tlp:amber" would otherwise be a second spelling of "TLP:AMBER").
 */
export function readPortion(scheme: MarkingScheme, stored: string): Marking {
  const marking = parseMarking(scheme, stored)
  const key = markingKey(scheme, marking)
  if (key !== stored) {
    throw new MarkingError(`portion mark "${stored}" is stored as "${key}" in ${scheme.name}`)
  }
  return marking
}

/** A block's marking and where it is, for the banner and for checks that name the block. */
export interface Portion {
  /** The block's own mark; null when it takes the default. */
  stored: string | null
  marking: Marking
}

/**
 * The portion of each marked block under `root`, in document order: its own mark, or
 * `fallback` for an unmarked block and for a mark the scheme does not know (reported once
 * each in `problems`, so a scheme change never makes a briefing unreadable).
 */
export function portionsOf(
  root: PortionNode,
  scheme: MarkingScheme,
  fallback: Marking,
): { portions: Portion[]; problems: string[] } {
  const portions: Portion[] = []
  const problems = new Set<string>()
  root.descendants((node) => {
    if (!MARKED_BLOCKS.includes(node.type.name)) return true
    const stored = node.attrs[MARKING_ATTR]
    if (typeof stored !== 'string') {
      portions.push({ stored: null, marking: fallback })
      return true
    }
    try {
      portions.push({ stored, marking: readPortion(scheme, stored) })
    } catch (err) {
      problems.add((err as Error).message)
      portions.push({ stored: null, marking: fallback })
    }
    return true
  })
  return { portions, problems: [...problems] }
}

/** The part of a ProseMirror node `portionsOf` reads, so no editor is needed. */
export interface PortionNode {
  descendants(f: (node: PortionNode) => boolean | undefined): void
  type: { name: string }
  attrs: Record<string, unknown>
}

/** The banner of a document's portions: their roll-up (the scheme's lowest for none). */
export function bannerOf(scheme: MarkingScheme, portions: readonly Portion[]) {
  return rollUp(
    scheme,
    portions.map((p) => p.marking),
  )
}
