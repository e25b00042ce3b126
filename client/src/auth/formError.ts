/**
 * Turns a failed form submission into what the form shows: a message under the field the
 * server named, or one message for the whole form.
 */
import { ApiError, errorMessage } from '../api/apiError'

export interface FormError {
  /** The form field to mark, or null for an error about the whole form. */
  field: string | null
  message: string
}

/**
 * The error for a form with `fields`. The server words field errors as `body field "password":
 * must be at least 10 characters`; shown under the password input, only the reason is needed.
 */
export function formErrorOf(err: unknown, fields: readonly string[]): FormError {
  if (err instanceof ApiError && err.field && fields.includes(err.field)) {
    const reason = err.message.replace(/^(body|query) field "[^"]*":\s*/i, '')
    return { field: err.field, message: reason.charAt(0).toUpperCase() + reason.slice(1) }
  }
  return { field: null, message: errorMessage(err) }
}

/** The message for one field, when the error is about it. */
export function errorFor(error: FormError | null, field: string): string | null {
  return error?.field === field ? error.message : null
}
