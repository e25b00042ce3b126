/**
 * The marking schemes, declared once for client, server and export: TLP 2.0 (FIRST's Traffic
 * Light Protocol, the default), a classification scheme with dissemination controls and release
 * lists in the style of the US CAPCO register and NATO ADatP-4774, and a team's own ordered
 * labels (PUBLIC < INTERNAL < CONFIDENTIAL, say).
 */
import type { MarkingLevel, MarkingScheme } from './types'

export const TLP: MarkingScheme = Object.freeze({
  id: 'tlp',
  name: 'TLP 2.0',
  levels: Object.freeze(
    [
      ['clear', 'TLP:CLEAR'],
      ['green', 'TLP:GREEN'],
      ['amber', 'TLP:AMBER'],
      ['amber-strict', 'TLP:AMBER+STRICT'],
      ['red', 'TLP:RED'],
    ].map(([id, text]) => Object.freeze({ id: id!, banner: text!, portion: text! })),
  ),
  controls: Object.freeze([]),
  releaseLists: false,
  defaultLevel: 'clear',
})

/** Restrictive controls, in the order a banner lists them. */
export const CLASSIFICATION_CONTROLS = Object.freeze(['NOFORN', 'ORCON', 'PROPIN', 'IMCON'])

export const CLASSIFICATION: MarkingScheme = Object.freeze({
  id: 'classification',
  name: 'Classification',
  levels: Object.freeze(
    [
      ['u', 'UNCLASSIFIED', 'U'],
      ['c', 'CONFIDENTIAL', 'C'],
      ['s', 'SECRET', 'S'],
      ['ts', 'TOP SECRET', 'TS'],
    ].map(([id, banner, portion]) =>
      Object.freeze({ id: id!, banner: banner!, portion: portion! }),
    ),
  ),
  controls: CLASSIFICATION_CONTROLS,
  releaseLists: true,
  defaultLevel: 'u',
})

/** Longest label a team may define, and most labels. */
export const MAX_TEAM_LABEL = 40
export const MAX_TEAM_LABELS = 12

/**
 * A team's own scheme from its ordered labels (lowest first). Throws RangeError naming the
 * problem: too few or too many, blank, too long, or repeated labels.
 */
export function teamScheme(labels: readonly string[]): MarkingScheme {
  if (labels.length < 2 || labels.length > MAX_TEAM_LABELS) {
    throw new RangeError(`a team scheme needs 2 to ${MAX_TEAM_LABELS} labels, got ${labels.length}`)
  }
  const levels: MarkingLevel[] = []
  const seen = new Set<string>()
  for (const raw of labels) {
    const label = raw.trim().toUpperCase()
    if (
      label === '' ||
      label.length > MAX_TEAM_LABEL ||
      !/^[\p{L}\p{N}][\p{L}\p{N} +:/.-]*$/u.test(label)
    ) {
      throw new RangeError(
        `label "${raw}" must be 1 to ${MAX_TEAM_LABEL} letters, digits, spaces or + : / . -`,
      )
    }
    const id = label.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '-')
    if (seen.has(id)) throw new RangeError(`label "${raw}" is given twice`)
    seen.add(id)
    levels.push(Object.freeze({ id, banner: label, portion: label }))
  }
  return Object.freeze({
    id: 'team',
    name: 'Team labels',
    levels: Object.freeze(levels),
    controls: Object.freeze([]),
    releaseLists: false,
    defaultLevel: levels[0]!.id,
  })
}
