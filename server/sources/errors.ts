/**
 * Errors of source import. Each carries a code the HTTP layer can map to a status and a
 * message that names the offending value, so a user can tell what to fix.
 */

/** Why a URL could not be fetched. */
export type SourceFetchErrorCode =
  | 'blocked-address'
  | 'bad-scheme'
  | 'too-large'
  | 'timeout'
  | 'bad-content-type'
  | 'http-status'
  | 'too-many-redirects'
  | 'network'

/** A URL fetch refused or failed; `url` is the hop it happened on. */
export class SourceFetchError extends Error {
  override readonly name = 'SourceFetchError'

  constructor(
    readonly code: SourceFetchErrorCode,
    message: string,
    readonly url: string | null = null,
  ) {
    super(message)
  }
}

/**
 * Why a text or file could not be imported. `too-large`: over a size cap (bytes, inflated
 * bytes, elements, pages; see limits.ts); `too-complex`: nested deeper than the parsers can
 * take in reasonable time.
 */
export type SourceImportErrorCode =
  | 'unsupported-format'
  | 'unreadable'
  | 'empty'
  | 'too-large'
  | 'too-complex'

/** An input that is not a readable source document. */
export class SourceImportError extends Error {
  override readonly name = 'SourceImportError'

  constructor(
    readonly code: SourceImportErrorCode,
    message: string,
  ) {
    super(message)
  }
}

/** One place a source is cited, as SourceInUseError lists it. */
export interface CitedAt {
  kind: 'quote' | 'citation'
  text: string
  speaker: string | null
}

const SHOWN_WORDS = 60

function shown(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim()
  return flat.length > SHOWN_WORDS ? `${flat.slice(0, SHOWN_WORDS)}…` : flat
}

function describeUse(use: CitedAt): string {
  if (use.kind === 'quote') {
    return `the quote block “${shown(use.text)}”${use.speaker ? ` (${use.speaker})` : ''}`
  }
  return `the citation on “${shown(use.text)}”`
}

/** The content of an import is already a source of the briefing. */
export class DuplicateSourceError extends Error {
  override readonly name = 'DuplicateSourceError'
  readonly code = 'duplicate_source'

  constructor(
    readonly existingId: string,
    title: string | null,
  ) {
    super(
      `this text is already a source of the briefing${title ? `: “${title}”` : ''}; it was not added again`,
    )
  }
}

/** A source that a quote block or citation still cites cannot be removed. */
export class SourceInUseError extends Error {
  override readonly name = 'SourceInUseError'
  readonly code = 'source_in_use'

  constructor(
    readonly sourceId: string,
    title: string | null,
    readonly uses: readonly CitedAt[],
  ) {
    const places = uses.map(describeUse)
    const list =
      places.length === 1
        ? places[0]
        : `${places.slice(0, -1).join(', ')} and ${places[places.length - 1]}`
    super(
      `${title ? `“${title}”` : 'this source'} is still cited in ${uses.length} ${uses.length === 1 ? 'place' : 'places'}: ${list}. Remove ${uses.length === 1 ? 'that citation' : 'those citations'} first`,
    )
  }
}

/** No source with this id in the briefing. */
export class SourceNotFoundError extends Error {
  override readonly name = 'SourceNotFoundError'
  readonly code = 'source_not_found'

  constructor(readonly sourceId: string) {
    super(`the briefing has no source ${JSON.stringify(sourceId)}`)
  }
}
