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
