/**
 * Markings as text: parsed from what a person types or a document stores, printed as a
 * portion mark or a banner. Levels, controls and release lists are separated by "//", several
 * controls by "/", as the CAPCO register writes them ("S//ORCON/NOFORN", "SECRET//REL TO USA,
 * GBR"); a TLP or team label is just its label.
 */
import type { Marking, MarkingScheme } from './types'

/** A marking that is not one of the scheme's, with a message naming the part at fault. */
export class MarkingError extends Error {
  override readonly name = 'MarkingError'
}

const COUNTRY = /^[A-Z]{3,4}$/

/** A release list in print order: USA first (the CAPCO convention), then alphabetical. */
export function releaseOrder(countries: Iterable<string>): string[] {
  return [...new Set(countries)].sort((a, b) =>
    a === 'USA' ? -1 : b === 'USA' ? 1 : a.localeCompare(b),
  )
}

/** Reads a marking written as a portion mark or a banner, in any case, with or without ( ). */
export function parseMarking(scheme: MarkingScheme, text: string): Marking {
  const written = text
    .trim()
    .replace(/^\((.*)\)$/s, '$1')
    .trim()
    .toUpperCase()
  if (written === '') throw new MarkingError('a marking cannot be blank')
  const [levelText = '', ...parts] = written.split('//').map((part) => part.trim())
  const level = scheme.levels.find(
    (l) => l.portion.toUpperCase() === levelText || l.banner.toUpperCase() === levelText,
  )
  if (!level) {
    throw new MarkingError(
      `"${levelText}" is not a level of ${scheme.name} (${scheme.levels.map((l) => l.portion).join(', ')})`,
    )
  }
  const controls = new Set<string>()
  let releasableTo: string[] | null = null
  for (const part of parts) {
    if (part.startsWith('REL TO')) {
      if (!scheme.releaseLists) throw new MarkingError(`${scheme.name} has no release lists`)
      const countries = part
        .slice('REL TO'.length)
        .split(',')
        .map((c) => c.trim())
        .filter(Boolean)
      const bad = countries.find((c) => !COUNTRY.test(c))
      if (bad !== undefined || countries.length === 0) {
        throw new MarkingError(
          `"${part}" must list country codes of 3 or 4 capital letters (REL TO USA, GBR)`,
        )
      }
      releasableTo = releaseOrder([...(releasableTo ?? []), ...countries])
      continue
    }
    for (const control of part.split('/').map((c) => c.trim())) {
      if (!scheme.controls.includes(control)) {
        throw new MarkingError(
          scheme.controls.length === 0
            ? `${scheme.name} has no dissemination controls ("${control}")`
            : `"${control}" is not a control of ${scheme.name} (${scheme.controls.join(', ')})`,
        )
      }
      controls.add(control)
    }
  }
  return normalise(scheme, { level: level.id, controls: [...controls], releasableTo })
}

/**
 * A marking in its canonical form: controls in the scheme's order, the release list sorted,
 * and no release list beside NOFORN ("not releasable to foreign nationals" releases nowhere).
 */
export function normalise(scheme: MarkingScheme, marking: Marking): Marking {
  const controls = scheme.controls.filter((c) => marking.controls.includes(c))
  const noforn = controls.includes('NOFORN')
  return {
    level: marking.level,
    controls,
    releasableTo:
      noforn || marking.releasableTo === null ? null : releaseOrder(marking.releasableTo),
  }
}

function levelOf(scheme: MarkingScheme, marking: Marking) {
  const level = scheme.levels.find((l) => l.id === marking.level)
  if (!level) throw new MarkingError(`"${marking.level}" is not a level of ${scheme.name}`)
  return level
}

function caveats(marking: Marking): string[] {
  const parts: string[] = []
  if (marking.controls.length > 0) parts.push(marking.controls.join('/'))
  if (marking.releasableTo) parts.push(`REL TO ${marking.releasableTo.join(', ')}`)
  return parts
}

/** The portion mark printed at the start of a block: "(TLP:AMBER)", "(S//REL TO USA, GBR)". */
export function formatPortion(scheme: MarkingScheme, marking: Marking): string {
  return `(${[levelOf(scheme, marking).portion, ...caveats(marking)].join('//')})`
}

/** The banner printed at the top and bottom of every page: "SECRET//NOFORN". */
export function formatBanner(scheme: MarkingScheme, marking: Marking): string {
  return [levelOf(scheme, marking).banner, ...caveats(marking)].join('//')
}

/** What a document stores for a marking: its portion mark without the parentheses. */
export function markingKey(scheme: MarkingScheme, marking: Marking): string {
  return formatPortion(scheme, marking).slice(1, -1)
}
