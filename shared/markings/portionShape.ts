/**
 * The shape of a stored portion mark: the `marking` attribute of a block, holding the
 * marking's key (its portion mark without the parentheses: "TLP:AMBER", "S//NOFORN") or null
 * for a block that takes the briefing's default. Apart from portion.ts so the schema, which
 * every editor loads, carries no scheme code: the schema knows no briefing, so it checks only
 * the shape; whether a key is a marking of the briefing's scheme is checked where the scheme is
 * known (the server's write path, readers, the banner). The settings keys are here too, so
 * the editor can tell whether a briefing uses markings before it loads any scheme code.
 */
/** Settings-map key of the briefing's scheme id (briefingScheme.ts reads and writes it). */
export const SCHEME_KEY = 'markingScheme'
/** Settings-map key of the default portion mark (a stored key, or absent for the lowest). */
export const PORTION_DEFAULT_KEY = 'portionDefault'

/** Name of the block attribute that holds a portion mark. */
export const MARKING_ATTR = 'marking'

/** The block types that carry a portion mark. */
export const MARKED_BLOCKS = Object.freeze([
  'paragraph',
  'heading',
  'listItem',
  'blockquote',
  'sourceQuote',
])

/** Longest stored portion mark: a level, a few controls and a release list. */
export const MAX_PORTION_LENGTH = 120

const SHAPE = /^[\p{L}\p{N}][\p{L}\p{N} +:/.,-]*$/u

/** The schema's validator: null, or a short single-line key. Throws a RangeError naming why. */
export function validatePortionShape(value: unknown): void {
  if (value === null) return
  if (typeof value !== 'string') {
    throw new RangeError(`a portion mark must be a string or null, not ${typeof value}`)
  }
  if (value.length > MAX_PORTION_LENGTH || !SHAPE.test(value)) {
    throw new RangeError(
      `portion mark "${value.slice(0, 40)}" must be at most ${MAX_PORTION_LENGTH} letters, digits, spaces or + : / . , -`,
    )
  }
}
