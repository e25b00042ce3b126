/**
 * Errors of the import worker pool: the import was not parsed because of the pool, not because
 * of what the file says (that is a SourceImportError, raised in the thread and passed on).
 */

/**
 * - `busy`: every thread is parsing and the queue is full; retry after `retryAfterSeconds`.
 * - `timed-out`: the import parsed past the time limit; its thread was terminated.
 * - `out-of-memory`: the import needed more than the thread's heap limit; the thread died.
 * - `crashed`: the thread stopped for another reason (a bug, not the user's input).
 * - `closed`: the server is shutting down.
 * - `aborted`: whoever asked for the import went away while it waited.
 */
export type ImportPoolErrorCode =
  | 'busy'
  | 'timed-out'
  | 'out-of-memory'
  | 'crashed'
  | 'closed'
  | 'aborted'

export class ImportPoolError extends Error {
  override readonly name = 'ImportPoolError'

  constructor(
    readonly code: ImportPoolErrorCode,
    message: string,
    /** For `busy` and `closed`: when trying again makes sense. */
    readonly retryAfterSeconds: number | null = null,
  ) {
    super(message)
  }
}
