/**
 * Why a service refused a request. The service names the kind of refusal and the contract's
 * error code; the HTTP layer alone turns the kind into a status (server/http/errors.ts).
 */
import type { ErrorCode } from '../../shared/api/errors'

export type Refusal =
  | 'invalid'
  | 'unauthenticated'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'gone'

export class ServiceError extends Error {
  override name = 'ServiceError'
  constructor(
    readonly refusal: Refusal,
    readonly code: ErrorCode,
    message: string,
    /** The request field at fault, when there is one. */
    readonly field?: string,
  ) {
    super(message)
  }
}

/** `what` does not exist, or the caller may not know that it does. */
export function notFoundError(what: string, field?: string): ServiceError {
  return new ServiceError('not_found', 'not_found', `${what} not found`, field)
}
