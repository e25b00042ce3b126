/**
 * What the main thread and an import thread say to each other. The thread announces it is
 * ready once its modules are loaded (so loading never counts against an import's time
 * limit), then answers each ParseRequest with one ParseReply.
 */
import type { ErrorCode } from '../../../shared/api/errors'
import type { SourceImportErrorCode } from '../errors'
import type { ImportResult, ParseJob } from '../parseSource'

/** One import for the thread. */
export interface ParseRequest {
  id: number
  job: ParseJob
}

/** The thread's first message. */
export interface ReadyMessage {
  type: 'ready'
}

/**
 * The answer to a ParseRequest: the result, the input's own error (a SourceImportError,
 * rebuilt on the main thread), or an error nobody expected (a bug: the server's fault).
 */
export type ParseReply =
  | { type: 'parsed'; id: number; result: ImportResult }
  | { type: 'refused'; id: number; code: SourceImportErrorCode; message: string }
  | {
      type: 'invalid-body'
      id: number
      status: 400 | 413
      code: ErrorCode
      message: string
      field: string | null
    }
  | { type: 'failed'; id: number; message: string; stack: string | null }
