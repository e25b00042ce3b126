/**
 * How portion marks combine into a banner, and whether one marking covers another. The rules
 * are those ISOO/CAPCO guidance and NATO ADatP-4774 give for a document's overall marking: the
 * highest level of any portion wins; restrictive controls are united (any portion's NOFORN makes
 * the whole NOFORN); permissive release lists are intersected (the whole may go only where
 * every portion may). A portion without a release list restricts nothing. A roll-up whose
 * release lists have no country in common would release to nobody: that is an error the author
 * must resolve, not a banner.
 */
import { MarkingError, normalise, releaseOrder } from './text'
import type { Marking, MarkingScheme } from './types'

export type RollUp = { ok: true; marking: Marking } | { ok: false; reason: string }

function rank(scheme: MarkingScheme, level: string): number {
  const at = scheme.levels.findIndex((l) => l.id === level)
  if (at < 0) throw new MarkingError(`"${level}" is not a level of ${scheme.name}`)
  return at
}

/** The lowest marking of a scheme: what an unmarked briefing rolls up to. */
export function lowest(scheme: MarkingScheme): Marking {
  return { level: scheme.defaultLevel, controls: [], releasableTo: null }
}

/** The overall marking of `portions` (the scheme's lowest for none). */
export function rollUp(scheme: MarkingScheme, portions: readonly Marking[]): RollUp {
  let top = rank(scheme, scheme.defaultLevel)
  const controls = new Set<string>()
  let release: string[] | null = null
  for (const portion of portions) {
    top = Math.max(top, rank(scheme, portion.level))
    for (const control of portion.controls) controls.add(control)
    const list = portion.releasableTo
    if (list === null) continue
    release = release === null ? [...list] : release.filter((c) => list.includes(c))
  }
  const marking = normalise(scheme, {
    level: scheme.levels[top]!.id,
    controls: [...controls],
    releasableTo: release ? releaseOrder(release) : null,
  })
  if (marking.releasableTo?.length === 0) {
    const lists = portions
      .filter((p) => p.releasableTo !== null)
      .map((p) => `REL TO ${p.releasableTo!.join(', ')}`)
    return {
      ok: false,
      // Sorted: the same portions give the same message in any order.
      reason: `the portions may be released to no country in common (${[...new Set(lists)].sort().join('; ')})`,
    }
  }
  return { ok: true, marking }
}

/**
 * Whether `marking` is at least as restrictive as `floor`: a level as high, every control of
 * the floor, and release only where the floor allows (or nowhere, under NOFORN). A quote block
 * must cover its source's marking.
 */
export function covers(scheme: MarkingScheme, marking: Marking, floor: Marking): boolean {
  if (rank(scheme, marking.level) < rank(scheme, floor.level)) return false
  if (!floor.controls.every((c) => marking.controls.includes(c))) return false
  if (floor.releasableTo === null || marking.controls.includes('NOFORN')) return true
  const allowed = floor.releasableTo
  return marking.releasableTo?.every((c) => allowed.includes(c)) ?? false
}
