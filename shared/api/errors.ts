/**
 * The API's error body and every error code it may carry, one snake_case word each. Server
 * routes raise only these codes, the client reads errors with `errorBody`, and docs/API.md
 * names them (tests/api/apiDocs.test.ts keeps the document in step).
 */
import { z } from 'zod'

export const ERROR_CODES = [
  // Any route
  'bad_request',
  'body_too_large',
  'invalid_input',
  'internal',
  'not_found',
  'rate_limited',
  // Who is asking
  'unauthenticated',
  'invalid_token',
  'cross_origin',
  'forbidden',
  'read_only_token',
  'session_required',
  // Accounts
  'bad_credentials',
  'email_taken',
  'invite_only',
  'password_changed',
  // Teams and invites
  'last_admin',
  'personal_team',
  'invite_used',
  'invite_revoked',
  'wrong_account',
  // Briefings
  'no_account',
  'export_failed',
  // Source import: what the server will not fetch or parse
  'blocked_address',
  'bad_scheme',
  'too_large',
  'bad_content_type',
  'unsupported_format',
  'unreadable',
  'empty',
  'too_complex',
  // Source import: the remote site failed
  'http_status',
  'too_many_redirects',
  'network',
  'timeout',
  // Source import: the import threads
  'too_many_imports',
  'import_busy',
  'server_stopping',
  'import_timeout',
  'import_out_of_memory',
  'import_crashed',
  'cancelled',
] as const

export type ErrorCode = (typeof ERROR_CODES)[number]

/** `{error: {code, message, field?}}`. `code` is read as any string: see `errorBody`. */
export const errorBody = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    // A field that is not a string names nothing; the error itself still stands.
    field: z.string().optional().catch(undefined),
  }),
})
export type ErrorBody = z.infer<typeof errorBody>

export function isErrorCode(value: string): value is ErrorCode {
  return (ERROR_CODES as readonly string[]).includes(value)
}
