/**
 * A briefing's marking scheme and default portion mark. They live in the briefing's settings
 * map (`settingsMap(doc)`, shared/briefing/settings.ts), beside the document-level marking, so
 * they sync and travel with the document; this module alone reads and writes those two keys.
 * It takes the map rather than the doc so the editor's lazily loaded marking code does not
 * pull the settings module out of the editor page's chunk. As with the other
 * settings, `writeMarkingScheme` refuses bad values and `readMarkingScheme` checks again
 * (any peer may write the map) and falls back, naming what it ignored.
 */
import type * as Y from 'yjs'
import { type PortionNode, readPortion } from './portion'
import { MARKING_ATTR, PORTION_DEFAULT_KEY, SCHEME_KEY } from './portionShape'
import { lowest } from './rollUp'
import { CLASSIFICATION, TLP } from './schemes'
import type { Marking, MarkingScheme } from './types'

/** The schemes a briefing may choose, by id. TLP 2.0 is the default. */
export const BRIEFING_SCHEMES: Readonly<Record<string, MarkingScheme>> = Object.freeze({
  [TLP.id]: TLP,
  [CLASSIFICATION.id]: CLASSIFICATION,
})

export interface MarkingSetup {
  scheme: MarkingScheme
  /** What an unmarked block is marked. */
  portionDefault: Marking
  /** The default's stored key; null when the briefing sets none (the scheme's lowest). */
  portionDefaultKey: string | null
  /** One message per stored value that was ignored. */
  problems: string[]
}

/** The scheme and default portion mark a settings map declares, with fallbacks for bad values. */
export function readMarkingScheme(map: Y.Map<unknown>): MarkingSetup {
  const problems: string[] = []
  const id = map.get(SCHEME_KEY)
  let scheme = TLP
  if (id !== undefined) {
    const found = typeof id === 'string' ? BRIEFING_SCHEMES[id] : undefined
    if (found) scheme = found
    else problems.push(`setting ${SCHEME_KEY} is ${JSON.stringify(id)}; used ${TLP.id}`)
  }
  const stored = map.get(PORTION_DEFAULT_KEY)
  if (stored === undefined || stored === null) {
    return { scheme, portionDefault: lowest(scheme), portionDefaultKey: null, problems }
  }
  try {
    if (typeof stored !== 'string') throw new RangeError('not a string')
    return {
      scheme,
      portionDefault: readPortion(scheme, stored),
      portionDefaultKey: stored,
      problems,
    }
  } catch (err) {
    problems.push(`setting ${PORTION_DEFAULT_KEY}: ${(err as Error).message}; used the lowest`)
    return { scheme, portionDefault: lowest(scheme), portionDefaultKey: null, problems }
  }
}

/**
 * Sets the scheme and/or default portion mark in one transaction. Throws a RangeError naming
 * an unknown scheme or a default that is not a marking of the (new) scheme; a scheme change
 * without a new default clears the old one, which belonged to the old scheme.
 */
export function writeMarkingScheme(
  map: Y.Map<unknown>,
  patch: { scheme?: string; portionDefault?: string | null },
  origin?: unknown,
): void {
  const current = readMarkingScheme(map)
  const scheme =
    patch.scheme === undefined ? current.scheme : (BRIEFING_SCHEMES[patch.scheme] ?? null)
  if (!scheme) {
    throw new RangeError(
      `Invalid marking scheme ${JSON.stringify(patch.scheme)} (expected ${Object.keys(BRIEFING_SCHEMES).join(' | ')})`,
    )
  }
  const changesScheme = scheme !== current.scheme
  let portionDefault = patch.portionDefault
  if (portionDefault === undefined && changesScheme) portionDefault = null
  if (typeof portionDefault === 'string') {
    try {
      readPortion(scheme, portionDefault)
    } catch (err) {
      throw new RangeError(`Invalid default portion mark: ${(err as Error).message}`)
    }
  }
  const doc = map.doc
  if (!doc) throw new RangeError('the settings map is not in a document')
  doc.transact(() => {
    if (changesScheme || patch.scheme !== undefined) map.set(SCHEME_KEY, scheme.id)
    if (portionDefault === null) map.delete(PORTION_DEFAULT_KEY)
    else if (portionDefault !== undefined) map.set(PORTION_DEFAULT_KEY, portionDefault)
  }, origin)
}

/**
 * Whether a briefing uses portion marks: its settings name a scheme or a default, or a block
 * under `doc` carries a mark. One that does not is exported and shown as before marks existed.
 */
export function markingsInUse(map: Y.Map<unknown>, doc: PortionNode): boolean {
  if (map.has(SCHEME_KEY) || map.has(PORTION_DEFAULT_KEY)) return true
  let found = false
  doc.descendants((node) => {
    if (typeof node.attrs[MARKING_ATTR] === 'string') found = true
    return !found
  })
  return found
}
