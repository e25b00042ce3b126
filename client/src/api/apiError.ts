/** The error every API call rejects with, carrying what the user should be told. */

/** Codes the client produces itself, alongside the server's own error codes. */
export const ClientErrorCode = {
  /** The request never got a response: server down or network lost. */
  Network: 'network',
  /** The response was not what the API contract promises. */
  BadResponse: 'bad_response',
} as const

/** A failed API call. `message` is written for people and safe to show as is. */
export class ApiError extends Error {
  override name = 'ApiError'

  constructor(
    /** HTTP status, or 0 when there was no response. */
    readonly status: number,
    /** The server's error code (`{error: {code}}`) or one of `ClientErrorCode`. */
    readonly code: string,
    message: string,
    /** The request field the server rejected, when it named one. */
    readonly field?: string,
    /** Anything else the server's `{error}` body carried (e.g. `existingId`). */
    readonly details: Record<string, unknown> = {},
  ) {
    super(message)
  }

  get isNotFound(): boolean {
    return this.status === 404
  }
}

/** A message for any thrown value, preferring the API's own wording. */
export function errorMessage(err: unknown): string {
  if (err instanceof ApiError) return err.message
  if (err instanceof Error) return err.message
  return 'Something went wrong.'
}
