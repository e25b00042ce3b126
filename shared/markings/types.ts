/**
 * Handling markings: what a portion (a paragraph, a quote, a source) may be shown to, and how
 * the marks of a briefing's portions roll up into its banner. The value is the same for every
 * scheme: a level from the scheme's ordered list, restrictive controls (NOFORN, ORCON, ...),
 * and a permissive release list (REL TO ...) or none.
 */

/** One level of a scheme, lowest first in the scheme's list. */
export interface MarkingLevel {
  /** Stable id stored in documents ("amber", "s", "internal"). */
  id: string
  /** As a banner prints it ("TLP:AMBER", "SECRET", "INTERNAL"). */
  banner: string
  /** As a portion mark prints it, without the parentheses ("TLP:AMBER", "S", "INTERNAL"). */
  portion: string
}

/** A marking: a level, restrictive controls, and the countries it may be released to. */
export interface Marking {
  /** A level id of the scheme. */
  level: string
  /** Restrictive dissemination controls, in the scheme's order. */
  controls: string[]
  /**
   * Release list (REL TO), sorted; null when the marking carries none, which restricts
   * nothing. An empty list releases to nobody and is never a valid marking.
   */
  releasableTo: string[] | null
}

/** A way of marking: its levels and what else a marking of it may carry. */
export interface MarkingScheme {
  id: string
  name: string
  /** Lowest first: a roll-up takes the highest. */
  levels: readonly MarkingLevel[]
  /** Restrictive controls a marking may carry (united in a roll-up); empty for none. */
  controls: readonly string[]
  /** Whether markings may carry a release list (intersected in a roll-up). */
  releaseLists: boolean
  /** The level an unmarked portion takes when the briefing sets no default. */
  defaultLevel: string
}
